package bodyclose

// Reports: the message of each finding (a leak naming every leaking
// exit, a discarded response, a body closed unread), saying what to do
// in one sentence, with its suggested fix from fixes.go.

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/internal/suppress"
)

// lines formats positions as "one line 12" or "many lines 12, 15".
func (c *checker) lines(one, many string, pos []token.Pos) string {
	ls := make([]int, 0, len(pos))
	for _, p := range pos {
		l := c.line(p)
		if !slices.Contains(ls, l) {
			ls = append(ls, l)
		}
	}
	slices.Sort(ls)
	if len(ls) == 1 {
		return fmt.Sprintf("%s %d", one, ls[0])
	}
	strs := make([]string, len(ls))
	for i, l := range ls {
		strs[i] = strconv.Itoa(l)
	}
	return many + " " + strings.Join(strs, ", ")
}

// calleeText names the function call calls, as written.
func calleeText(call *ast.CallExpr) string {
	s := types.ExprString(call.Fun)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// reportDiscard reports call, whose response is thrown away; noCost, if
// not empty, says why its connection goes with the function (a contract
// finding, strict mode only).
func (c *checker) reportDiscard(fn *function, call *ast.CallExpr, noCost string) {
	contract := noCost != ""
	consequence := "the connection leaks"
	if contract {
		consequence = "it is never closed (" + noCost + ": nothing leaks, but closing the body is still the caller's duty)"
	} else if held := c.heldUntil(fn, call); held != "" {
		consequence = "its connection is held, unusable, " + held
	}
	suppress.Report(c.pass, strict.MarkIf(analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("response of %s is discarded without closing its body, so %s; assign it and close its Body after the error check", calleeText(call), consequence),
	}, contract))
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// leakWhere names every leaking exit of s, for v.
func (c *checker) leakWhere(s *search, v *types.Var) (where string, loop bool) {
	byKind := make(map[int][]token.Pos)
	for _, e := range s.leaks {
		byKind[e.kind] = append(byKind[e.kind], e.pos)
	}
	var parts []string
	add := func(kind int, one, many string) {
		if ps := byKind[kind]; len(ps) > 0 {
			parts = append(parts, c.lines(one, many, ps))
		}
	}
	add(leakReturn, "at the return on line", "at the returns on lines")
	add(leakContinue, "at the continue on line", "at the continues on lines")
	add(leakGoto, "at the goto on line", "at the gotos on lines")
	add(leakLoopEnd, "at the end of the loop body on line", "at the ends of the loop bodies on lines")
	add(leakAssign, "when "+v.Name()+" is reassigned on line", "when "+v.Name()+" is reassigned on lines")
	if len(byKind[leakAgain]) > 0 {
		parts = append(parts, "when the loop calls it again")
	}
	add(leakEnd, "at the end of the function on line", "at the end of the function on lines")
	loop = len(byKind[leakContinue])+len(byKind[leakGoto])+len(byKind[leakLoopEnd])+len(byKind[leakAssign])+len(byKind[leakAgain]) > 0
	return strings.Join(parts, ", "), loop
}

// leakPaths names the leaking exits for the advice: "that path" or
// "those paths".
func (c *checker) leakPaths(s *search) string {
	if len(s.leaks) == 1 {
		return "that path"
	}
	return "those paths"
}

// reportLeak reports the response of call, left open on the paths of s;
// noCost, if not empty, says why its connection goes with the function
// (a contract finding, strict mode only).
func (c *checker) reportLeak(fn *function, s *search, call *ast.CallExpr, stmt ast.Node, v *types.Var, errLhs ast.Expr, errVar *types.Var, noCost string) {
	if c.reported[call] {
		return
	}
	if c.leaksOnlyOnErrors(fn, s) && c.errorEndsProgram(fn) {
		if !c.strict {
			return // the error ends the program: nothing is held for long
		}
		noCost = "the error returned on those paths ends the program"
	}
	eof := s.eofOnly()
	switch {
	case s.noBodyOnly():
		noCost = "the response has no body there (its status says so), so its connection was released with the header"
	case eof && s.readOnly():
		noCost = "the body was read to EOF there, which released the connection"
	case eof:
		noCost = "the body was read to EOF, or there is none, on those paths, which released the connection"
	}
	contract := noCost != ""
	c.reported[call] = true
	where, loop := c.leakWhere(s, v)
	if s.leakRead && !eof {
		where += " unless the body was read to EOF"
	}
	var todo string
	stale := c.staleHolder(fn, v, stmt)
	handOff := c.handOffBranch(s)
	if handOff != nil {
		where += fmt.Sprintf(", where %s is false (line %d)", types.ExprString(handOff.Cond), c.line(handOff.Pos()))
	}
	switch {
	case s.retryDrop:
		todo = fmt.Sprintf("%s calls this function again when it returns an error, and drops the response returned with it: close %s.Body before returning the error", s.tr.retriedBy, v.Name())
	case stale != nil:
		todo = fmt.Sprintf("the function returns %s, which still holds the earlier response: close that one's body and store this one in %s instead", stale.Name(), stale.Name())
	case loop:
		todo = fmt.Sprintf("close %s.Body before the request is sent again", v.Name())
	case handOff != nil:
		// A Close before the shared return would also close the body
		// the if statement's body handed on.
		todo = fmt.Sprintf("close %s.Body in an else branch of the if statement on line %d, not before the return it shares with the path that hands the response on", v.Name(), c.line(handOff.Pos()))
	case s.anyTransfer:
		// The function hands the response or its body on elsewhere (returns
		// it, stores it in what it returns): a deferred Close would close
		// it under its new owner. Closing on the leaking paths is right
		// either way.
		todo = fmt.Sprintf("close %s.Body on %s before returning", v.Name(), c.leakPaths(s))
	case errVar != nil:
		todo = fmt.Sprintf("add defer %s.Body.Close() after the error check", v.Name())
	default:
		todo = fmt.Sprintf("add defer %s.Body.Close() after the call", v.Name())
	}
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("response body of %s is not closed on every path, so the connection leaks %s; %s", calleeText(call), where, todo),
	}
	if contract {
		// Nothing is held: the contract is broken at no cost.
		d.Message = fmt.Sprintf("response body of %s is not closed on every path (%s); %s, so nothing leaks, but closing the body is still the caller's duty; %s", calleeText(call), where, noCost, todo)
	} else if held := c.heldUntil(fn, call); held != "" {
		// Not for good: the client's Timeout ends the request, and the
		// Transport then closes the connection.
		d.Message = fmt.Sprintf("response body of %s is not closed on every path (%s), so its connection is held, unusable, %s; %s", calleeText(call), where, held, todo)
	}
	if !loop && stale == nil {
		// A plain Close on the leaking path, which read nothing, could be
		// the next run's drain finding: insert drain-then-close instead.
		drain := c.drain != drainOff && !s.leakRead && c.knownMethod(fn, call) && !noReuse(c.requestPool(fn, call))
		if fix, ok := c.closeFix(fn, stmt, v, errLhs, errVar, drain); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	suppress.Report(c.pass, strict.MarkIf(d, contract))
}

// reportDrain reports the close call site, closed unread where the lost
// reuse matters (why), or, contract, on a path that only -drain=all (or
// strict mode) reports.
func (c *checker) reportDrain(fn *function, site ast.Node, why string, contract bool) {
	call, ok := site.(*ast.CallExpr)
	if !ok || c.reported[site] {
		return
	}
	c.reported[site] = true
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	bodyText := types.ExprString(sel.X)
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("response body is closed unread %s, so its connection cannot be reused; drain it first with %s", why, drainCall("io", bodyText)),
	}
	if fix, ok := c.drainFix(fn, call, bodyText); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	suppress.Report(c.pass, strict.MarkIf(d, contract))
}
