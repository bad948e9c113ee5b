package nilbody

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

// A source is where a response without a Body comes from: a composite
// literal without Body (or with Body: nil), new(http.Response), a
// declared http.Response variable, or an assignment of nil to Body.
type source struct {
	node ast.Node
	lit  *ast.CompositeLit // the literal, when there is one to fix
	ret  token.Pos         // the return it reaches
}

// check reports the returns of fn, a RoundTrip function, that give a
// response without a Body with a nil error, or nil and nil.
func check(pass *analysis.Pass, fn *engine.Func) {
	g := fn.CFG()
	if g == nil {
		return
	}
	info := pass.TypesInfo
	reported := make(map[ast.Node]bool)
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			ret, ok := n.(*ast.ReturnStmt)
			if !ok || len(ret.Results) != 2 || !match.IsNil(info, ret.Results[1]) {
				continue // a bare return, a call, or a non-nil error: the response is ignored
			}
			res := ast.Unparen(ret.Results[0])
			if match.IsNil(info, res) {
				suppress.Reportf(pass, ret, "this RoundTripper returns a nil *http.Response with a nil error, which breaks the http.RoundTripper contract; return a response or an error")
				continue
			}
			var srcs []source
			if lit := responseLit(info, res); lit != nil {
				if !hasBody(info, lit) {
					srcs = append(srcs, source{node: lit, lit: lit, ret: ret.Pos()})
				}
			} else if v := trackedVar(info, fn, res); v != nil {
				srcs = findSources(info, fn, g, b, i, v, ret.Pos())
			}
			for _, s := range srcs {
				if !reported[s.node] {
					reported[s.node] = true
					report(pass, s)
				}
			}
		}
	}
}

// responseLit returns the http.Response composite literal e is, or takes
// the address of.
func responseLit(info *types.Info, e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok || !match.IsNamed(info.TypeOf(lit), match.NetHTTP, "Response") {
		return nil
	}
	return lit
}

// bodyField returns the Body element of a keyed http.Response literal.
func bodyField(lit *ast.CompositeLit) *ast.KeyValueExpr {
	for _, e := range lit.Elts {
		if kv, ok := e.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Body" {
				return kv
			}
		}
	}
	return nil
}

// hasBody reports whether lit sets Body to something that is not nil; an
// unkeyed literal lists every field, and is left alone.
func hasBody(info *types.Info, lit *ast.CompositeLit) bool {
	if len(lit.Elts) > 0 {
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
			return true
		}
	}
	kv := bodyField(lit)
	return kv != nil && !match.IsNil(info, kv.Value)
}

// trackedVar returns the local variable e denotes (resp) or whose address
// it takes (&resp), when it holds an http.Response of fn's own: declared
// in its body, and not referred to by a nested function literal.
func trackedVar(info *types.Info, fn *engine.Func, e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	value := false
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e, value = ast.Unparen(u.X), true
	}
	v, ok := match.ObjectOf(info, e).(*types.Var)
	if !ok {
		return nil
	}
	if value && !match.IsNamed(v.Type(), match.NetHTTP, "Response") || !value && !match.IsResponse(v.Type()) {
		return nil
	}
	body := fn.Body()
	if v.Pos() < body.Pos() || v.Pos() >= body.End() {
		return nil // a parameter or named result
	}
	inLit := false
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			ast.Inspect(lit, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && info.ObjectOf(id) == v {
					inLit = true
				}
				return !inLit
			})
			return false
		}
		return !inLit
	})
	if inLit {
		return nil // a closure may set its Body
	}
	return v
}
