package nilbody

// return nil, err where err is a variable: the error may still be nil on
// some path to the return (a retry loop's abort branch that breaks out
// before any attempt set it), and the RoundTripper then returns nil, nil.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// nilErrorFrom returns where the error variable e, returned by the
// return at node i of block b, is nil on some path to it: a var
// declaration without a value or an assignment of nil, with nothing
// between that sets it. A path ends, with nothing found, at any other
// assignment (a call's error may be anything), at a branch taken only
// when the variable is not nil, and at the function's entry (a parameter
// or named result). A variable whose address is taken or that a function
// literal refers to is not followed.
func (c *checker) nilErrorFrom(fn *engine.Func, g *engine.Graph, b *cfg.Block, i int, e ast.Expr) ast.Node {
	v, ok := match.ObjectOf(c.info, e).(*types.Var)
	body := fn.Body()
	if !ok || body == nil || v.Pos() < body.Pos() || v.Pos() >= body.End() || c.outOfSight(body, v) {
		return nil
	}
	var found ast.Node
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, i int)
	walk = func(b *cfg.Block, i int) {
		for j := i - 1; j >= 0; j-- {
			def, stop := c.errDef(b.Nodes[j], v)
			if def != nil && found == nil {
				found = def
			}
			if stop {
				return
			}
		}
		for _, p := range g.Preds(b) {
			if seen[p] || found != nil || c.notNilOnEdge(p, b, v) {
				continue
			}
			seen[p] = true
			walk(p, len(p.Nodes))
		}
	}
	walk(b, i)
	return found
}

// errDef says whether node n sets v: def is n when it sets v to nil; stop
// when it sets v at all.
func (c *checker) errDef(n ast.Node, v *types.Var) (def ast.Node, stop bool) {
	switch n.(type) {
	case *ast.AssignStmt, *ast.ValueSpec: // the graph holds each spec of a var declaration
		for k, l := range match.Assigned(n) {
			if match.ObjectOf(c.info, l) != v {
				continue
			}
			// A var spec without a value sets the zero value, nil.
			if rhs, _, ok := match.AssignedValue(n, k); ok && (rhs == nil || match.IsNil(c.info, rhs)) {
				return n, true
			}
			return nil, true
		}
	}
	return nil, false
}

// notNilOnEdge reports whether the edge from p to b is taken only when v
// is not nil: p ends with the condition v != nil and b is its true
// successor, or v == nil and b its false one.
func (c *checker) notNilOnEdge(p, b *cfg.Block, v *types.Var) bool {
	if len(p.Nodes) == 0 || len(p.Succs) != 2 {
		return false
	}
	cond, ok := p.Nodes[len(p.Nodes)-1].(*ast.BinaryExpr)
	if !ok || (cond.Op != token.EQL && cond.Op != token.NEQ) {
		return false
	}
	x, y := cond.X, cond.Y
	if match.IsNil(c.info, x) {
		x, y = y, x
	}
	if match.ObjectOf(c.info, x) != v || !match.IsNil(c.info, y) {
		return false
	}
	if cond.Op == token.NEQ {
		return p.Succs[0] == b
	}
	return p.Succs[1] == b
}

// outOfSight reports whether body takes v's address or a function
// literal in it refers to v: it may be set where the walk cannot see.
func (c *checker) outOfSight(body *ast.BlockStmt, v *types.Var) bool {
	out := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			out = out || n.Op == token.AND && match.ObjectOf(c.info, n.X) == v
		case *ast.FuncLit:
			out = out || match.Mentions(c.info, n.Body, v)
			return false
		}
		return !out
	})
	return out
}
