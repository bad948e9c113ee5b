package bodyclose

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
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

func (c *checker) reportDiscard(call *ast.CallExpr) {
	suppress.Report(c.pass, analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("response of %s is discarded without closing its body, so the connection leaks; assign it and close its Body after the error check", calleeText(call)),
	})
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

func (c *checker) reportLeak(fn *function, s *search, call *ast.CallExpr, stmt ast.Node, v *types.Var, errLhs ast.Expr, errVar *types.Var) {
	if c.reported[call] {
		return
	}
	c.reported[call] = true
	where, loop := c.leakWhere(s, v)
	if s.leakRead {
		where += " unless the body was read to EOF"
	}
	var todo string
	switch {
	case loop:
		todo = fmt.Sprintf("close %s.Body before the request is sent again", v.Name())
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
	if !loop {
		// A plain Close on the leaking path, which read nothing, could be
		// the next run's drain finding: insert drain-then-close instead.
		drain := config.drain != drainOff && !s.leakRead && c.knownMethod(fn, call) && !mentionsUpgrade(c.pass.TypesInfo, fn.body()) && !noReuse(c.requestPool(fn, call))
		if fix, ok := c.closeFix(fn, stmt, v, errLhs, errVar, drain); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
	}
	suppress.Report(c.pass, d)
}

// limitText writes the -drain-limit value as Go source: 64<<10.
func limitText() string {
	n := config.drainLimit
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d<<20", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d<<10", n>>10)
	}
	return strconv.FormatInt(n, 10)
}

// drainCall returns the bounded drain of body, with io the local name of
// package io: io.Copy(io.Discard, io.LimitReader(body, N)), unbounded
// when -drain-limit is not positive.
func drainCall(io, body string) string {
	if config.drainLimit <= 0 {
		return fmt.Sprintf("%[1]s.Copy(%[1]s.Discard, %[2]s)", io, body)
	}
	return fmt.Sprintf("%[1]s.Copy(%[1]s.Discard, %[1]s.LimitReader(%[2]s, %[3]s))", io, body, limitText())
}

// closeFix inserts defer v.Body.Close() after stmt, or after the
// if err != nil {…} that follows it; with drain, a deferred drain and
// close.
func (c *checker) closeFix(fn *function, stmt ast.Node, v *types.Var, errLhs ast.Expr, errVar *types.Var, drain bool) (analysis.SuggestedFix, bool) {
	var fix analysis.SuggestedFix
	st, ok := stmt.(ast.Stmt)
	if !ok {
		if spec, isSpec := stmt.(*ast.ValueSpec); isSpec {
			st = c.declOf(fn, spec)
		}
		if st == nil {
			return fix, false
		}
	}
	list, pos, inLoop := c.stmtList(fn, st)
	if list == nil || inLoop {
		return fix, false
	}
	// Only when the function does nothing else with the response: no
	// close, hand-off or alias anywhere.
	tr := c.tracks[v]
	if len(tr.resp)+len(tr.body) != 1 {
		return fix, false
	}
	sc := &scanner{c: c, tr: tr, ev: new(events)}
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		switch n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec, *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt, *ast.ReturnStmt, *ast.SendStmt:
			sc.scan(n)
			return false
		case ast.Expr:
			sc.expr(n)
			return false
		}
		return true
	})
	if sc.ev.close || sc.ev.deferClose || sc.ev.transfer || len(tr.holder) > 0 {
		return fix, false
	}
	for _, lit := range fn.lits {
		if sc.mentions(lit.Body) {
			return fix, false // a goroutine reading it, a cleanup closure: not ours to close
		}
	}
	after := st
	if errLhs != nil && errVar == nil {
		return fix, false // the error is ignored: resp may be nil
	}
	if errVar != nil {
		if pos+1 >= len(list) {
			return fix, false
		}
		ifs, ok := list[pos+1].(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil || !isErrNotNil(c.pass.TypesInfo, ifs.Cond, errVar) {
			return fix, false
		}
		after = ifs
	}
	indent, ok := c.indent(st.Pos())
	if !ok {
		return fix, false
	}
	// Insert at the end of the line, after a trailing comment.
	tf := c.pass.Fset.File(after.End())
	line := tf.Line(after.End())
	if line >= tf.LineCount() {
		return fix, false
	}
	at := tf.LineStart(line+1) - 1
	if drain {
		file := fixes.File(c.pass, st.Pos())
		if file == nil {
			return fix, false
		}
		io, edits, ok := fixes.AddImport(c.pass.TypesInfo, c.pass.Pkg, file, at, "io", "io")
		if !ok {
			return fix, false
		}
		text := fmt.Sprintf("\n%[1]sdefer func() {\n%[1]s\t_, _ = %[2]s\n%[1]s\t_ = %[3]s.Body.Close()\n%[1]s}()", indent, drainCall(io, v.Name()+".Body"), v.Name())
		return analysis.SuggestedFix{
			Message:   fmt.Sprintf("Add a deferred drain and close of %s.Body", v.Name()),
			TextEdits: append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)}),
		}, true
	}
	text := "\n" + indent + "defer " + v.Name() + ".Body.Close()"
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Add defer %s.Body.Close()", v.Name()),
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}, true
}

func isErrNotNil(info *types.Info, e ast.Expr, errVar *types.Var) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	return ok && b.Op == token.NEQ && match.ObjectOf(info, b.X) == errVar && match.IsNil(info, b.Y)
}

// declOf returns the DeclStmt holding spec.
func (c *checker) declOf(fn *function, spec *ast.ValueSpec) ast.Stmt {
	var found ast.Stmt
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if ds, ok := n.(*ast.DeclStmt); ok {
			if gd, ok := ds.Decl.(*ast.GenDecl); ok && len(gd.Specs) == 1 && gd.Specs[0] == spec {
				found = ds
			}
		}
		return found == nil
	})
	return found
}

// stmtList returns the statement list holding st, its index, and whether
// st is inside a loop of fn.
func (c *checker) stmtList(fn *function, st ast.Stmt) (list []ast.Stmt, idx int, inLoop bool) {
	var stack []ast.Node
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if list != nil {
			return false
		}
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		var stmts []ast.Stmt
		switch n := n.(type) {
		case *ast.BlockStmt:
			stmts = n.List
		case *ast.CaseClause:
			stmts = n.Body
		case *ast.CommClause:
			stmts = n.Body
		}
		for i, s := range stmts {
			if s == st {
				list, idx = stmts, i
				for _, a := range stack {
					switch a.(type) {
					case *ast.ForStmt, *ast.RangeStmt:
						inLoop = true
					}
				}
				return false
			}
		}
		stack = append(stack, n)
		return true
	})
	return list, idx, inLoop
}

// indent returns the white space that starts the line of pos.
func (c *checker) indent(pos token.Pos) (string, bool) {
	tf := c.pass.Fset.File(pos)
	if tf == nil {
		return "", false
	}
	content, err := c.pass.ReadFile(tf.Name())
	if err != nil || len(content) != tf.Size() {
		return "", false
	}
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := tf.Offset(pos)
	ws := content[start:end]
	if len(bytes.TrimSpace(ws)) != 0 {
		return "", false
	}
	return string(ws), true
}

// reportDrain reports the close call site, closed unread where the lost
// reuse matters (why).
func (c *checker) reportDrain(fn *function, site ast.Node, why string) {
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
	suppress.Report(c.pass, d)
}

// drainFix turns defer body.Close() into a deferred drain-then-close, or
// inserts a drain before a body.Close() statement.
func (c *checker) drainFix(fn *function, call *ast.CallExpr, bodyText string) (analysis.SuggestedFix, bool) {
	var fix analysis.SuggestedFix
	var parent ast.Node
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if parent != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			if n.Call == call {
				parent = n
			}
		case *ast.ExprStmt:
			if n.X == call {
				parent = n
			}
		}
		return true
	})
	if parent == nil {
		return fix, false
	}
	file := fixes.File(c.pass, call.Pos())
	if file == nil {
		return fix, false
	}
	io, edits, ok := fixes.AddImport(c.pass.TypesInfo, c.pass.Pkg, file, call.Pos(), "io", "io")
	if !ok {
		return fix, false
	}
	drain := "_, _ = " + drainCall(io, bodyText)
	switch p := parent.(type) {
	case *ast.DeferStmt:
		text := fmt.Sprintf("defer func() {\n%[1]s\t%[2]s\n%[1]s\t_ = %[3]s.Close()\n%[1]s}()", c.mustIndent(p.Pos()), drain, bodyText)
		if _, ok := c.indent(p.Pos()); !ok {
			return fix, false
		}
		edits = append(edits, analysis.TextEdit{Pos: p.Pos(), End: p.End(), NewText: []byte(text)})
	case *ast.ExprStmt:
		indent, ok := c.indent(p.Pos())
		if !ok {
			return fix, false
		}
		edits = append(edits, analysis.TextEdit{Pos: p.Pos(), End: p.Pos(), NewText: []byte(drain + "\n" + indent)})
	}
	return analysis.SuggestedFix{
		Message:   "Drain the body before closing it",
		TextEdits: edits,
	}, true
}

func (c *checker) mustIndent(pos token.Pos) string {
	s, _ := c.indent(pos)
	return s
}
