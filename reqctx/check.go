package reqctx

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/internal/suppress"
)

// shortcuts are the functions and Client methods that build and send a
// request in one call, without a context.
var shortcuts = []string{"Get", "Head", "Post", "PostForm"}

// check reports the requests of fn that do not carry its context, and
// the context mistakes that are wrong anywhere.
func (c *checker) check(fn *engine.Func) {
	c.walk(fn, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			c.checkCall(fn, n, stack)
		case *ast.AssignStmt:
			c.checkCancelAssign(n)
		case *ast.CompositeLit:
			c.checkCancelLit(n)
		case *ast.SelectorExpr:
			if c.all {
				c.checkFuncValue(n, n.Sel, stack)
			}
		case *ast.Ident:
			if c.all {
				c.checkFuncValue(n, n, stack)
			}
		}
		return true
	})
}

func (c *checker) checkCall(fn *engine.Func, call *ast.CallExpr, stack []ast.Node) {
	callee := match.Callee(c.info, call)
	if callee == nil {
		return
	}
	switch {
	case match.IsFunc(callee, match.NetHTTP, "NewRequest"):
		c.checkNewRequest(fn, call, stack)
	case match.IsFunc(callee, match.NetHTTP, shortcuts...), match.IsMethod(callee, match.NetHTTP, "Client", shortcuts...):
		c.checkShortcut(fn, call, stack, callee)
	case match.IsFunc(callee, match.NetHTTP, "NewRequestWithContext"),
		match.IsMethod(callee, match.NetHTTP, "Request", "WithContext", "Clone"):
		if len(call.Args) == 0 {
			return
		}
		name := "http.NewRequestWithContext"
		if callee.Name() != "NewRequestWithContext" {
			name = "req." + callee.Name()
			if p, _, _ := match.ParentOf(call, stack); p != nil {
				if _, ok := p.(*ast.ExprStmt); ok && callee.Name() == "WithContext" {
					c.reportDiscarded(call)
					return
				}
			}
		}
		switch ctx := call.Args[0]; {
		case match.IsNil(c.info, ctx):
			c.reportNilContext(fn, call, stack, name)
		case c.isBackgroundCall(ctx):
			c.checkBackground(fn, ctx.(*ast.CallExpr), stack)
		}
	default:
		if c.pass.ImportObjectFact(callee, new(bareRequest)) {
			c.checkHelper(fn, call, stack, callee)
		}
	}
}

// checkNewRequest reports a request built by http.NewRequest that is not
// given a context before it leaves fn, when fn has one.
func (c *checker) checkNewRequest(fn *engine.Func, call *ast.CallExpr, stack []ast.Node) {
	f := c.callFate(fn, call, stack)
	if f.attached || f.escapes || !f.sent && !f.returned {
		return // not sent here: signed, dumped, or never used
	}
	cands, ok := c.contexts(fn, call, stack)
	if !ok {
		return // out of search budget: say nothing
	}
	if f.returned {
		if len(cands) == 0 && !c.all {
			return // a helper: its callers are checked (bareRequest)
		}
		if c.callersAttach(fn) {
			return
		}
	}
	if len(cands) == 0 {
		if c.all {
			c.contractf(call, "http.NewRequest builds a request without a context, so nothing can cancel it; use http.NewRequestWithContext with the caller's context")
		}
		return
	}
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("http.NewRequest builds a request without %s, which is in scope, so cancelling %s does not stop it; use http.NewRequestWithContext(%s, …)", contextNames(cands), contextNames(cands), cands[0].text),
	}
	if len(cands) == 1 && retriesWithoutCtx(c.info, stack, cands[0].v) {
		d.Message += retryNote(cands[0].text)
	} else if len(cands) == 1 {
		if edits := c.newRequestFix(call, cands[0]); edits != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Use http.NewRequestWithContext(" + cands[0].text + ", …)", TextEdits: edits}}
		}
	} else {
		d.Message = fmt.Sprintf("http.NewRequest builds a request without a context while %s are in scope, so cancelling them does not stop it; use http.NewRequestWithContext with the one it belongs to", contextNames(cands))
	}
	c.own(call, suppress.Report(c.pass, d))
}

// checkShortcut reports http.Get & co., and the Client methods, when fn
// has a context.
func (c *checker) checkShortcut(fn *engine.Func, call *ast.CallExpr, stack []ast.Node, callee *types.Func) {
	what := "http." + callee.Name()
	if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil {
		what = "Client." + callee.Name()
	}
	cands, ok := c.contexts(fn, call, stack)
	if !ok {
		return // out of search budget: say nothing
	}
	if len(cands) == 0 {
		if c.all {
			c.contractf(call, "%s sends a request without a context, so nothing can cancel it; build it with http.NewRequestWithContext and send it with Do", what)
		}
		return
	}
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End()}
	if len(cands) > 1 {
		d.Message = fmt.Sprintf("%s sends a request without a context while %s are in scope, so cancelling them does not stop it; build it with http.NewRequestWithContext and send it with Do", what, contextNames(cands))
		c.own(call, suppress.Report(c.pass, d))
		return
	}
	d.Message = fmt.Sprintf("%s sends a request without %s, which is in scope, so cancelling %s does not stop it; build it with http.NewRequestWithContext(%s, …) and send it with Do", what, cands[0].text, cands[0].text, cands[0].text)
	if retriesWithoutCtx(c.info, stack, cands[0].v) {
		d.Message += retryNote(cands[0].text)
		c.own(call, suppress.Report(c.pass, d))
		return
	}
	if edits := c.shortcutFix(fn, call, stack, callee, cands[0]); edits != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Build the request with " + cands[0].text + " and send it with Do", TextEdits: edits}}
	}
	c.own(call, suppress.Report(c.pass, d))
}

// checkBackground reports context.Background() or TODO() given to a
// request while fn has a context.
func (c *checker) checkBackground(fn *engine.Func, bg *ast.CallExpr, stack []ast.Node) {
	cands, ok := c.contexts(fn, bg, stack)
	if !ok {
		return // out of search budget: say nothing
	}
	if len(cands) == 0 {
		return
	}
	name := "context." + match.Callee(c.info, bg).Name() + "()"
	d := analysis.Diagnostic{Pos: bg.Pos(), End: bg.End()}
	if len(cands) > 1 {
		d.Message = fmt.Sprintf("%s detaches this request from %s, which are in scope, so cancelling them does not stop it; pass the one it belongs to", name, contextNames(cands))
		c.own(bg, suppress.Report(c.pass, d))
		return
	}
	d.Message = fmt.Sprintf("%s detaches this request from %s, which is in scope, so cancelling %s does not stop it; pass %s, or context.WithoutCancel(%s) if the request must outlive it", name, cands[0].text, cands[0].text, cands[0].text, cands[0].text)
	if retriesWithoutCtx(c.info, stack, cands[0].v) {
		d.Message += retryNote(cands[0].text)
		c.own(bg, suppress.Report(c.pass, d))
		return
	}
	if edits := c.replaceFix(bg, cands[0].text); edits != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Pass " + cands[0].text, TextEdits: edits}}
	}
	c.own(bg, suppress.Report(c.pass, d))
}

// checkHelper reports a request from a helper with the bareRequest fact
// that fn sends without giving it the context it has.
func (c *checker) checkHelper(fn *engine.Func, call *ast.CallExpr, stack []ast.Node, callee *types.Func) {
	f := c.callFate(fn, call, stack)
	if !f.sent || f.attached || f.escapes || f.returned {
		return
	}
	cands, ok := c.contexts(fn, call, stack)
	if !ok {
		return // out of search budget: say nothing
	}
	if len(cands) == 0 {
		return
	}
	suppress.Reportf(c.pass, call, "%s returns a request without a context and it is sent without %s, which is in scope, so cancelling %s does not stop it; give it the context with req = req.WithContext(%s) before sending it",
		c.funcName(callee), contextNames(cands), contextNames(cands), cands[0].text)
}

// funcName names fn as the code calling it would: pkg.F for a function
// of another package, T.M for a method, F otherwise.
func (c *checker) funcName(fn *types.Func) string {
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if n, ok := types.Unalias(match.Deref(sig.Recv().Type())).(*types.Named); ok {
			return n.Obj().Name() + "." + fn.Name()
		}
		return fn.Name()
	}
	if fn.Pkg() != nil && fn.Pkg() != c.pass.Pkg {
		return fn.Pkg().Name() + "." + fn.Name()
	}
	return fn.Name()
}

// reportDiscarded reports req.WithContext(ctx) as a statement.
func (c *checker) reportDiscarded(call *ast.CallExpr) {
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: "req.WithContext returns a new request and leaves req unchanged, so this context is lost; assign the result: req = req.WithContext(ctx)",
	}
	if edits := c.assignFix(call); edits != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Assign the request WithContext returns", TextEdits: edits}}
	}
	suppress.Report(c.pass, d)
}

// reportNilContext reports a nil context given to a request.
func (c *checker) reportNilContext(fn *engine.Func, call *ast.CallExpr, stack []ast.Node, name string) {
	consequence := "it returns the error \"net/http: nil Context\""
	if name != "http.NewRequestWithContext" {
		consequence = "it panics"
	}
	nilArg := call.Args[0]
	cands, _ := c.contexts(fn, call, stack) // out of budget: no context to suggest
	d := analysis.Diagnostic{Pos: nilArg.Pos(), End: nilArg.End()}
	if len(cands) == 1 {
		d.Message = fmt.Sprintf("%s with a nil context: %s; pass %s", name, consequence, cands[0].text)
		if edits := c.replaceFix(nilArg, cands[0].text); edits != nil {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Pass " + cands[0].text, TextEdits: edits}}
		}
	} else {
		d.Message = fmt.Sprintf("%s with a nil context: %s; pass the caller's context, or context.TODO()", name, consequence)
		if len(cands) == 0 {
			if edits := c.todoFix(nilArg); edits != nil {
				d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Pass context.TODO()", TextEdits: edits}}
			}
		}
	}
	suppress.Report(c.pass, d)
}

// checkCancelAssign reports req.Cancel = ch.
func (c *checker) checkCancelAssign(as *ast.AssignStmt) {
	for i, l := range as.Lhs {
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok || !c.isCancelField(sel) {
			continue
		}
		if len(as.Lhs) == len(as.Rhs) {
			r := ast.Unparen(as.Rhs[i])
			if match.IsNil(c.info, r) {
				continue
			}
			if rs, ok := r.(*ast.SelectorExpr); ok && c.isCancelField(rs) {
				continue // copied from another request: a proxy keeping it
			}
		}
		c.reportCancel(sel)
	}
}

// checkCancelLit reports http.Request{Cancel: ch}.
func (c *checker) checkCancelLit(lit *ast.CompositeLit) {
	if !match.IsNamed(c.info.TypeOf(lit), match.NetHTTP, "Request") {
		return
	}
	for name, kv := range match.KeyedFields(lit) {
		if name == "Cancel" && !match.IsNil(c.info, kv.Value) {
			if rs, ok := ast.Unparen(kv.Value).(*ast.SelectorExpr); ok && c.isCancelField(rs) {
				continue
			}
			c.reportCancel(kv)
		}
	}
}

func (c *checker) isCancelField(sel *ast.SelectorExpr) bool {
	v, ok := c.info.ObjectOf(sel.Sel).(*types.Var)
	if !ok || !v.IsField() || v.Name() != "Cancel" {
		return false
	}
	s, ok := c.info.Selections[sel]
	if !ok {
		return false
	}
	recv := s.Recv()
	return match.IsNamedOrPointer(recv, match.NetHTTP, "Request")
}

func (c *checker) reportCancel(n ast.Node) {
	if c.pass.Pkg.Path() == match.NetHTTP {
		return // Client.Timeout for RoundTrippers that predate contexts sets it
	}
	suppress.Reportf(c.pass, n, "Request.Cancel is deprecated: it carries no deadline, and when the request also has a context it is undefined which one is honored; cancel a context instead, given with http.NewRequestWithContext")
}

// checkFuncValue reports, under -all, http.Get & co. and http.NewRequest
// used as function values: every request they make has no context.
func (c *checker) checkFuncValue(e ast.Expr, id *ast.Ident, stack []ast.Node) {
	obj := c.info.Uses[id]
	if obj == nil {
		return
	}
	isValue := match.IsFunc(obj, match.NetHTTP, append([]string{"NewRequest"}, shortcuts...)...) ||
		match.IsMethod(obj, match.NetHTTP, "Client", shortcuts...)
	if !isValue {
		return
	}
	if sel, ok := e.(*ast.Ident); ok {
		// the Sel of a selector is checked with the selector
		if len(stack) > 0 {
			if p, ok := stack[len(stack)-1].(*ast.SelectorExpr); ok && p.Sel == sel {
				return
			}
		}
	}
	if p, child, _ := match.ParentOf(e, stack); p != nil {
		if call, ok := p.(*ast.CallExpr); ok && call.Fun == child {
			return // a call: checked as one
		}
		if blankAssigned(p, child) {
			return // `_ = http.Get`: a value thrown away is never called
		}
	}
	c.contractf(e, "%s used as a function value makes requests without a context, so nothing can cancel them; wrap http.NewRequestWithContext and Do instead", obj.Name())
}

// blankAssigned reports whether child, an expression whose parent is p,
// is assigned to the blank identifier: `_ = v`, `_, x = v, y`, or
// `var _ = v`. Such a value is discarded; nothing can call it.
func blankAssigned(p, child ast.Node) bool {
	var lhs []ast.Expr
	var rhs []ast.Expr
	switch p := p.(type) {
	case *ast.AssignStmt:
		lhs, rhs = p.Lhs, p.Rhs
	case *ast.ValueSpec:
		for _, n := range p.Names {
			lhs = append(lhs, n)
		}
		rhs = p.Values
	default:
		return false
	}
	if len(lhs) != len(rhs) {
		return false
	}
	for i, r := range rhs {
		if r == child {
			id, ok := lhs[i].(*ast.Ident)
			return ok && id.Name == "_"
		}
	}
	return false
}

// contextNames lists the candidates' names for a message.
func contextNames(cands []candidate) string {
	s := cands[0].text
	for i := 1; i < len(cands); i++ {
		if i == len(cands)-1 {
			s += " and " + cands[i].text
		} else {
			s += ", " + cands[i].text
		}
	}
	return s
}

// callersAttach reports whether fn is a function declaration whose every
// use in the package, test code aside, is a call that gives the request it
// returns a context, or returns it from a builder of which the same holds:
// the package sends what it builds that way, and so the request gets its
// context where it is sent. An exported builder's callers in other
// packages are out of view; what the package shows of its own use
// decides, as for an unexported one.
func (c *checker) callersAttach(fn *engine.Func) bool {
	obj := fn.Object()
	if obj == nil {
		return false
	}
	if r, ok := c.attach[obj]; ok {
		return r
	}
	if c.attach == nil {
		c.attach = make(map[*types.Func]bool)
	}
	c.attach[obj] = false // a builder returning its own result: not shown
	r := c.computeCallersAttach(obj)
	c.attach[obj] = r
	return r
}

func (c *checker) computeCallersAttach(obj *types.Func) bool {
	uses := c.idx.Uses(func(o types.Object) bool { return o == obj })
	n := 0
	for _, id := range uses {
		if c.idx.InTestCode(id.Pos()) {
			continue
		}
		n++
		path := c.idx.PathTo(id)
		if len(path) < 2 {
			return false
		}
		i := 1
		if sel, ok := path[1].(*ast.SelectorExpr); ok && sel.Sel == id {
			i = 2
		}
		if i >= len(path) {
			return false
		}
		call, ok := path[i].(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != path[i-1] {
			return false
		}
		caller := c.idx.Enclosing(call.Pos())
		if caller == nil {
			return false
		}
		stack := make([]ast.Node, 0, len(path)-i-1)
		for j := len(path) - 1; j > i; j-- {
			stack = append(stack, path[j])
		}
		f := c.callFate(caller, call, stack)
		if !f.attached && !(f.returned && c.callersAttach(caller)) {
			return false
		}
	}
	return n > 0
}

// contractf reports a finding of class contract, one that only -reqctx.all
// (or strict mode) reports, without fixes at rng.
func (c *checker) contractf(rng analysis.Range, format string, args ...any) {
	suppress.Report(c.pass, strict.Mark(analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)}))
}
