package retrybody

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// requestBody is the fact on a function that builds and returns a
// request with http.NewRequest (or NewRequestWithContext) whose body is
// one of its parameters, as given or wrapped in a reader
// (bytes.NewReader(data)), no body, or a body of its own (a buffer it
// encodes a payload into): a client's newRequest helper. The request its
// caller gets has a body when the argument for one of Params is not
// empty, or when Own is set.
type requestBody struct {
	Params  []int // indices in the signature's parameters, the receiver excluded
	Wrapped []int // those of Params that the helper wraps in a reader, which sets GetBody
	// Own: on some path the helper gives the request a body it made
	// itself; OwnRewinds: every such body is one NewRequest sets GetBody
	// for (*bytes.Buffer, *bytes.Reader, *strings.Reader).
	Own, OwnRewinds bool
}

func (*requestBody) AFact() {}

func (f *requestBody) String() string {
	s := fmt.Sprintf("requestBody%v", f.Params)
	if len(f.Wrapped) > 0 {
		s += fmt.Sprintf(" wrapped%v", f.Wrapped)
	}
	if f.Own {
		s += " own"
		if f.OwnRewinds {
			s += " rewinds"
		}
	}
	return s
}

// exportBuilders exports the requestBody fact of the function declarations
// among fns that return a *http.Request first, built on every path from
// NewRequest with a parameter, or nothing, as its body.
func (c *checker) exportBuilders(fns []*engine.Func) {
	for _, fn := range fns {
		sig := fn.Signature()
		if fn.Lit != nil || fn.Object() == nil || fn.Body() == nil || sig == nil ||
			sig.Results().Len() == 0 || !match.IsRequest(sig.Results().At(0).Type()) {
			continue
		}
		if f, ok := c.builtBody(fn); ok {
			c.pass.ExportObjectFact(fn.Object(), f)
		}
	}
}

// builtBody returns the parameters whose value the requests fn returns
// take as body, and false if a request it returns comes from anything
// else or has another body.
func (c *checker) builtBody(fn *engine.Func) (f *requestBody, ok bool) {
	g := fn.CFG()
	if g == nil {
		return nil, false
	}
	_, byNode := c.sites(g)
	f = new(requestBody)
	ok = true
	returns := 0
	f.OwnRewinds = true
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			ret, isRet := n.(*ast.ReturnStmt)
			if !isRet || !ok {
				continue
			}
			if len(ret.Results) == 0 {
				ok = false // named results
				continue
			}
			res := ast.Unparen(ret.Results[0])
			if match.IsNil(c.info, res) {
				continue
			}
			returns++
			var builds []ast.Expr // the NewRequest calls the result comes from
			if call, isCall := res.(*ast.CallExpr); isCall {
				builds = append(builds, call)
			} else if k, isKey := keyOf(c.info, res); isKey && k.path == "" && !isParam(fn, k.root) {
				d := c.defsOf(g, b, i, k, byNode)
				if d.entry {
					ok = false
					continue
				}
				for _, st := range d.stops {
					rhs := definition(c.info, st, k)
					if rhs == nil {
						ok = false
						break
					}
					builds = append(builds, rhs)
				}
			} else {
				ok = false
				continue
			}
			ok = ok && c.addBodies(fn, g, n, builds, f)
		}
	}
	if !f.Own {
		f.OwnRewinds = false
	}
	return f, ok && returns > 0
}

// addBodies adds to f the bodies the NewRequest calls builds give the
// requests returned at node ret, and reports false if one is not such a
// call, or its body is neither empty, a parameter, nor the function's own.
func (c *checker) addBodies(fn *engine.Func, g *engine.Graph, ret ast.Node, builds []ast.Expr, f *requestBody) bool {
	for _, e := range builds {
		call, isCall := ast.Unparen(e).(*ast.CallExpr)
		if !isCall || !match.IsFunc(match.Callee(c.info, call), match.NetHTTP, "NewRequest", "NewRequestWithContext") || len(call.Args) < 3 {
			return false
		}
		body := call.Args[len(call.Args)-1]
		if c.emptyBody(body) {
			continue
		}
		p, wrapped, isP := c.bodyParam(fn, body)
		if !isP {
			if !c.ownBody(g, ret, body) {
				return false
			}
			f.Own = true
			f.OwnRewinds = f.OwnRewinds && rewindableType(c.info.TypeOf(body))
			continue
		}
		if !slices.Contains(f.Params, p) {
			f.Params = append(f.Params, p)
		}
		if wrapped && !slices.Contains(f.Wrapped, p) {
			f.Wrapped = append(f.Wrapped, p)
		}
	}
	return true
}

// ownBody reports whether body, given to NewRequest by the statement at,
// is a reader the function made itself and may have filled: a local
// variable that is not empty on every path (nilVar), or a reader built
// in the call from a local (bytes.NewReader(data) of a marshalled
// payload). Its callers cannot change it, so their request has a body.
func (c *checker) ownBody(g *engine.Graph, at ast.Node, body ast.Expr) bool {
	e := ast.Unparen(body)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		f := match.Callee(c.info, call)
		if match.IsFunc(f, "bytes", "NewReader", "NewBuffer", "NewBufferString") || match.IsFunc(f, "strings", "NewReader") {
			e = ast.Unparen(call.Args[0])
		}
	}
	if s, ok := match.ConstString(c.info, e); ok {
		return s != ""
	}
	v, ok := match.ObjectOf(c.info, e).(*types.Var)
	if !ok {
		return false
	}
	fn := c.idx.Enclosing(at.Pos())
	if fn == nil || v.Pos() < fn.Body().Pos() || v.Pos() >= fn.Body().End() {
		return false // a parameter's field, a captured or package-level variable
	}
	return !c.nilVar(g, at, body)
}

// definition returns the value node st, a stop of a backward walk, gives
// the request variable k, or nil.
func definition(info *types.Info, st ast.Node, k key) ast.Expr {
	switch st := st.(type) {
	case *ast.AssignStmt:
		for j, lhs := range st.Lhs {
			if lk, ok := keyOf(info, lhs); !ok || lk != k {
				continue
			}
			if rhs := requestValue(st, j); rhs != nil {
				return rhs
			}
		}
	case *ast.ValueSpec:
		for j, name := range st.Names {
			if info.Defs[name] != k.root {
				continue
			}
			if rhs := requestValue(st, j); rhs != nil {
				return rhs
			}
		}
	}
	return nil
}

// bodyParam returns the parameter of fn that e is, or that a reader
// built by e wraps: body, bytes.NewReader(data), strings.NewReader(s),
// bytes.NewBuffer([]byte(s)).
func (c *checker) bodyParam(fn *engine.Func, e ast.Expr) (param int, wrapped, ok bool) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		f := match.Callee(c.info, call)
		if !match.IsFunc(f, "bytes", "NewReader", "NewBuffer", "NewBufferString") && !match.IsFunc(f, "strings", "NewReader") {
			return 0, false, false
		}
		wrapped = true
		e = ast.Unparen(call.Args[0])
		if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 {
			if tv, ok := c.info.Types[conv.Fun]; ok && tv.IsType() {
				e = ast.Unparen(conv.Args[0]) // []byte(s)
			}
		}
	}
	v, isVar := match.ObjectOf(c.info, e).(*types.Var)
	if !isVar {
		return 0, false, false
	}
	sig := fn.Signature()
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			return i, wrapped, true
		}
	}
	return 0, false, false
}

func isParam(fn *engine.Func, v *types.Var) bool {
	sig := fn.Signature()
	if sig == nil {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			return true
		}
	}
	return false
}

// builtRequest records the body of a request returned by a call of a
// function with the requestBody fact: the arguments for its Params.
func (c *checker) builtRequest(d *defs, at ast.Node, call *ast.CallExpr) bool {
	fn := match.Callee(c.info, call)
	if fn == nil {
		return false
	}
	f := new(requestBody)
	if !c.pass.ImportObjectFact(fn, f) {
		return false
	}
	if f.Own {
		d.body = true
		d.built = append(d.built, at)
		d.rewindable = d.rewindable && f.OwnRewinds
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return true
	}
	for _, p := range f.Params {
		if p >= len(call.Args) || sig.Variadic() && p >= sig.Params().Len()-1 {
			continue
		}
		// The helper may wrap the argument in a reader: "" and nil data
		// give an empty one.
		arg := call.Args[p]
		if s, ok := match.ConstString(c.info, arg); ok && s == "" {
			continue
		}
		if slices.Contains(f.Wrapped, p) {
			c.body(d, at, arg, wrappedBody)
			continue
		}
		c.body(d, at, arg, newRequestBody) // given to NewRequest as is
	}
	return true
}
