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
	call *types.Func       // the helper whose result it is
	ret  token.Pos         // the return it reaches
}

// A checker holds what one pass of nilbody needs.
type checker struct {
	pass *analysis.Pass
	info *types.Info
}

// check reports the returns of fn, a RoundTrip function, that give a
// response without a Body with a nil error, or nil and nil.
func (c *checker) check(fn *engine.Func) {
	srcs, nilNil, nilErr := c.bodyless(fn)
	for _, ret := range nilNil {
		suppress.Reportf(c.pass, ret, "this RoundTripper returns a nil *http.Response with a nil error, which breaks the http.RoundTripper contract; return a response or an error")
	}
	for _, r := range nilErr {
		suppress.Reportf(c.pass, r.ret, "this RoundTripper may return a nil *http.Response with a nil error: %s is still nil here on the path from line %d, which breaks the http.RoundTripper contract; set an error on that path",
			types.ExprString(r.ret.Results[1]), c.pass.Fset.Position(r.def.Pos()).Line)
	}
	for _, s := range srcs {
		report(c.pass, s)
	}
}

// bodyless returns where fn gets the responses without a Body it returns
// with a nil error (or as its only result), one source per node, the
// returns of nil with a nil error, and those of nil with an error
// variable that is nil on some path.
func (c *checker) bodyless(fn *engine.Func) (srcs []source, nilNil []*ast.ReturnStmt, nilErr []nilErrorReturn) {
	g := fn.CFG()
	if g == nil {
		return nil, nil, nil
	}
	seen := make(map[ast.Node]bool)
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			ret, ok := n.(*ast.ReturnStmt)
			if !ok || len(ret.Results) == 0 || len(ret.Results) > 2 {
				continue // a bare return
			}
			if len(ret.Results) == 2 && !c.info.Types[ret.Results[1]].IsNil() {
				if match.IsNil(c.info, ret.Results[0]) {
					if def := c.nilErrorFrom(fn, g, b, i, ret.Results[1]); def != nil {
						nilErr = append(nilErr, nilErrorReturn{ret, def})
					}
				}
				continue // an error: the response is ignored
			}
			res := ast.Unparen(ret.Results[0])
			if len(ret.Results) == 1 && !match.IsResponse(c.info.TypeOf(res)) {
				// return f(): a call of a (response, error) helper
				if s, _ := c.value(res); s != nil && !seen[s.node] {
					seen[s.node] = true
					s.ret = ret.Pos()
					srcs = append(srcs, *s)
				}
				continue
			}
			if match.IsNil(c.info, res) {
				if len(ret.Results) == 2 {
					nilNil = append(nilNil, ret)
				}
				continue
			}
			var found []source
			if v := trackedVar(c.info, fn, res); v != nil {
				found = c.findSources(g, b, i, v)
			} else if s, _ := c.value(res); s != nil {
				found = []source{*s}
			}
			for _, s := range found {
				if !seen[s.node] {
					seen[s.node] = true
					s.ret = ret.Pos()
					srcs = append(srcs, s)
				}
			}
		}
	}
	return srcs, nilNil, nilErr
}

// A nilErrorReturn is a return of nil and an error variable that is nil
// on some path to it, from def.
type nilErrorReturn struct {
	ret *ast.ReturnStmt
	def ast.Node
}

// responseLit returns the http.Response composite literal e is, or takes
// the address of.
func responseLit(info *types.Info, e ast.Expr) *ast.CompositeLit {
	lit := match.LitOf(e)
	if lit == nil || !match.IsNamed(info.TypeOf(lit), match.NetHTTP, "Response") {
		return nil
	}
	return lit
}

// hasBody reports whether lit sets Body to something that is not nil; an
// unkeyed literal lists every field, and is left alone.
func hasBody(info *types.Info, lit *ast.CompositeLit) bool {
	if len(lit.Elts) > 0 {
		if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
			return true
		}
	}
	kv := match.KeyedField(lit, "Body")
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
