package retrybody

// Sends inside a function literal that a retry helper calls again and
// again (engine.Index.CallsRepeatedly: Retry(func() error { … c.Do(req)
// … })): the request the literal captures is the same value on every
// call, and the first attempt consumed its body.

import (
	"fmt"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// checkCaptured reports the send s in the literal fn when the request it
// sends reaches the literal's entry unchanged (d.entry), is a variable
// of the function around the literal, has a body there, and a helper
// calls the literal repeatedly.
func (c *checker) checkCaptured(fn *engine.Func, s site, d defs) {
	if !c.reporting || fn.Lit == nil || !d.entry || d.body {
		return
	}
	lit := fn.Lit
	if s.req.root.Pos() >= lit.Pos() && s.req.root.Pos() < lit.End() {
		return // declared inside the literal: a new request per call
	}
	helper, outer := c.repeatedBy(lit)
	if helper == nil {
		return
	}
	g := outer.CFG()
	if g == nil {
		return
	}
	b, i, ok := g.Locate(helper)
	if !ok {
		return
	}
	_, byNode := c.sites(g)
	od := c.defsOf(g, b, i, s.req, byNode)
	if !od.body || c.escapesOuter(outer, lit, s) {
		return
	}
	c.reportCaptured(s.send, helper, od)
}

// repeatedBy returns the call that calls lit repeatedly — lit is its
// argument i, or a local variable defined as lit and used only as such an
// argument — and the function around it.
func (c *checker) repeatedBy(lit *ast.FuncLit) (*ast.CallExpr, *engine.Func) {
	path := c.idx.PathTo(lit)
	if len(path) < 2 {
		return nil, nil
	}
	var outer *engine.Func
	for _, n := range path[1:] {
		switch n.(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			outer = c.idx.Func(n)
		}
		if outer != nil {
			break
		}
	}
	if outer == nil {
		return nil, nil
	}
	call, ok := path[1].(*ast.CallExpr)
	if !ok {
		return nil, nil
	}
	callee := match.Callee(c.info, call)
	for i, a := range call.Args {
		if ast.Unparen(a) == lit && c.idx.CallsRepeatedly(callee, i) {
			return call, outer
		}
	}
	return nil, nil
}

// escapesOuter reports whether the function around the literal takes the
// request's address or hands the request to another literal: what
// happens to it there is out of sight.
func (c *checker) escapesOuter(outer *engine.Func, lit *ast.FuncLit, s site) bool {
	esc := c.escaping(outer)
	if !esc[s.req.root] {
		return false
	}
	// escaping counts every literal that refers to the variable: this one
	// does by design; any other is out of sight.
	others := false
	ast.Inspect(outer.Body(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if n != lit && match.Mentions(c.info, n.Body, s.req.root) {
				others = true
			}
			return n != lit && !others
		case *ast.UnaryExpr:
			others = others || n.Op == token.AND && match.ObjectOf(c.info, n.X) == s.req.root
		}
		return !others
	})
	return others
}

// reportCaptured reports the send s of a captured request inside a
// literal that helper calls again and again.
func (c *checker) reportCaptured(s send, helper *ast.CallExpr, d defs) {
	if c.reported[s.call] {
		return
	}
	c.reported[s.call] = true
	req := c.keyText(s)
	name := "the helper"
	if callee := match.Callee(c.info, helper); callee != nil {
		name = callee.Name()
	}
	reset := fmt.Sprintf("build the request inside the function, or give %s a new body before the send", req)
	if d.rewindable {
		reset = fmt.Sprintf("build the request inside the function, or reset %s.Body from %s.GetBody before the send", req, req)
	}
	diag := analysis.Diagnostic{
		Pos: s.call.Pos(), End: s.call.End(),
		Message: fmt.Sprintf("%s runs each time %s calls this function again, on the same request %s whose body the first attempt consumed, so a retry sends an empty body or fails; %s",
			describe(&s), name, req, reset),
	}
	c.reportWithReset(diag, s, req, d.rewindable)
}
