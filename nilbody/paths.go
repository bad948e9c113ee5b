package nilbody

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// findSources walks the graph backward from the return at node i of
// block b, which returns the response variable v, and returns where v got
// a value without a Body on some path to it. A path ends, with nothing to
// report, where v's Body is set, where v gets a value from anything but a
// literal or new (a call: an inner RoundTripper's response), and where v
// is used in any way that could set its Body elsewhere (passed to a
// function, its address or a method value taken, assigned to another
// variable): silence rather than a guess.
func (c *checker) findSources(g *engine.Graph, b *cfg.Block, i int, v *types.Var) []source {
	var out []source
	g.Backward(b, i, func(n ast.Node) bool {
		src, cont := c.effect(n, v)
		if src != nil {
			out = append(out, *src)
		}
		return cont
	}, nil)
	return out
}

// effect says what node n does to the response variable v: a source of a
// missing Body (src), or whether the backward walk goes on past it (cont).
func (c *checker) effect(n ast.Node, v *types.Var) (src *source, cont bool) {
	info := c.info
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && info.ObjectOf(id) == v
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		for j, lhs := range n.Lhs {
			rhs, tuple, _ := match.AssignedValue(n, j)
			if is(lhs) {
				if rhs == nil || tuple >= 0 {
					return nil, false // resp, err := next.RoundTrip(req)
				}
				return c.value(rhs)
			}
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && is(sel.X) && sel.Sel.Name == "Body" {
				if rhs != nil && tuple < 0 && match.IsNil(info, rhs) {
					return &source{node: n}, false
				}
				return nil, false // the Body is set
			}
		}
	case *ast.ValueSpec:
		for j, name := range n.Names {
			if info.Defs[name] != v {
				continue
			}
			if len(n.Values) == 0 {
				if match.IsNamed(v.Type(), match.NetHTTP, "Response") {
					return &source{node: n}, false // var resp http.Response
				}
				return nil, false // a nil pointer: another report's business
			}
			if rhs, tuple, _ := match.AssignedValue(n, j); rhs != nil && tuple < 0 {
				return c.value(rhs)
			}
			return nil, false
		}
	}
	if escapes(info, n, v) {
		return nil, false
	}
	return nil, true
}

// value says what assigning (or returning) e as the response does: a
// literal, new(http.Response) or a helper with the bodylessResult fact
// give a source.
func (c *checker) value(e ast.Expr) (*source, bool) {
	info := c.info
	if lit := responseLit(info, e); lit != nil {
		if hasBody(info, lit) {
			return nil, false
		}
		return &source{node: lit, lit: lit}, false
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				return &source{node: call}, false // new(http.Response)
			}
		}
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		if fn := match.Callee(info, call); fn != nil && c.pass.ImportObjectFact(fn, new(bodylessResult)) {
			return &source{node: call, call: fn}, false
		}
	}
	return nil, false
}

// escapes reports whether n uses v in a way that may set its Body out of
// sight: anything but reading or writing one of its fields, other than
// through a pointer to the field, and comparing it with nil.
func escapes(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	match.InspectStack(n, func(m ast.Node, stack []ast.Node) bool {
		if found {
			return false
		}
		if id, ok := m.(*ast.Ident); ok && info.Uses[id] == v {
			if !harmless(info, id, stack) {
				found = true
			}
		}
		return true
	})
	return found
}

func harmless(info *types.Info, id *ast.Ident, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.SelectorExpr:
		sel, ok := info.Selections[p]
		if !ok || sel.Kind() != types.FieldVal || p.X != id {
			return false // a method value or call
		}
		if len(stack) >= 2 {
			if u, ok := stack[len(stack)-2].(*ast.UnaryExpr); ok && u.Op == token.AND {
				return false // &resp.Body
			}
		}
		return true
	case *ast.BinaryExpr:
		return (p.Op == token.EQL || p.Op == token.NEQ) && (match.IsNil(info, p.X) || match.IsNil(info, p.Y))
	}
	return false
}
