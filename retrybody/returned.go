package retrybody

// A closure returned by a helper and handed to a retry helper:
// retry(3, d.doPost(req)), where doPost returns a function literal that
// sends its parameter req. retry calls that function again and again, and
// every call sends the same request, whose body the first consumed.

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

// checkReturnedClosures reports, in the functions fns, the calls of a
// function of this package that returns a literal sending its request
// parameter, made as the argument a retry helper calls repeatedly, with a
// request that has a body.
func (c *checker) checkReturnedClosures(fns []*engine.Func) {
	for _, fn := range fns {
		g := fn.CFG()
		if g == nil {
			continue
		}
		var sites map[ast.Node][]send
		for _, b := range g.Blocks {
			for i, n := range b.Nodes {
				ast.Inspect(n, func(m ast.Node) bool {
					call, ok := m.(*ast.CallExpr)
					if _, lit := m.(*ast.FuncLit); lit {
						return false
					}
					if !ok {
						return true
					}
					helper := match.Callee(c.info, call)
					for k, a := range call.Args {
						inner, ok := ast.Unparen(a).(*ast.CallExpr)
						if !ok || !c.idx.CallsRepeatedly(helper, k) {
							continue
						}
						j := c.sendsReturnedParam(match.Callee(c.info, inner))
						if j < 0 || j >= len(inner.Args) {
							continue
						}
						req, ok := keyOf(c.info, inner.Args[j])
						if !ok || req.path != "" {
							continue
						}
						if sites == nil {
							_, sites = c.sites(g)
						}
						if d := c.defsOf(g, b, i, req, sites); d.body {
							c.reportReturned(inner, helper, req)
						}
					}
					return true
				})
			}
		}
	}
}

// sendsReturnedParam returns the index of the request parameter of fn, a
// function declared in this package, that every function literal it
// returns sends without assigning it first; -1 if there is none.
func (c *checker) sendsReturnedParam(fn *types.Func) int {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return -1
	}
	f := c.idx.Enclosing(fn.Pos())
	if f == nil || f.Lit != nil || f.Object() != fn || f.Body() == nil {
		return -1
	}
	params := f.Signature().Params()
	found, lits := -1, 0
	ast.Inspect(f.Body(), func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if !ok {
			_, lit := n.(*ast.FuncLit)
			return !lit
		}
		for _, r := range ret.Results {
			lit, ok := ast.Unparen(r).(*ast.FuncLit)
			if !ok {
				continue
			}
			lits++
			j := c.litSendsParam(lit, params)
			if j < 0 || (found >= 0 && j != found) {
				found = -2
				return false
			}
			found = j
		}
		return true
	})
	if lits == 0 || found < 0 {
		return -1
	}
	return found
}

// litSendsParam returns the index in params of the request the literal
// sends, a parameter it never assigns, or -1.
func (c *checker) litSendsParam(lit *ast.FuncLit, params *types.Tuple) int {
	j := -1
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || j >= 0 {
			return j < 0
		}
		for _, s := range c.sendsOf(call) {
			if s.req.path != "" || match.Assigns(c.info, lit.Body, s.req.root) {
				continue
			}
			for k := 0; k < params.Len(); k++ {
				if params.At(k) == s.req.root {
					j = k
				}
			}
		}
		return j < 0
	})
	return j
}

// reportReturned reports inner, whose returned function helper calls
// again and again on the same request req.
func (c *checker) reportReturned(inner *ast.CallExpr, helper *types.Func, req key) {
	if !c.reporting || c.reported[inner] {
		return
	}
	if c.reported == nil {
		c.reported = make(map[ast.Node]bool)
	}
	c.reported[inner] = true
	name := "the helper"
	if helper != nil {
		name = helper.Name()
	}
	r := req.root.Name()
	suppress.Reportf(c.pass, inner,
		"%s returns a function that sends %s, and %s calls it again and again: the first attempt consumed the body of %s, so a retry sends an empty body or fails; build the request inside the returned function, or reset %s.Body from %s.GetBody there before the send",
		types.ExprString(inner), r, name, r, r, r)
}
