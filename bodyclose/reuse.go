package bodyclose

// Connection reuse: what the pool of a request's Transport allows (one
// shared, one built for this call, no keep-alives or HTTP/2 only, one
// connection it did not dial), read from the client or transport the
// request goes through, and the freshTransport fact on functions that
// build one anew; whether two requests share a client. Transports built
// in the function are read in transports.go.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// What a request's connection pool (its Transport) allows, as far as the
// analysis can tell.
type pool int

const (
	poolShared  pool = iota // a pool other requests share (or unknown)
	poolFresh               // a Transport built for this call of the function
	poolNoReuse             // DisableKeepAlives or HTTP/2 only: an unread Close loses no reuse
	poolOneConn             // a Transport of this function serving one connection it did not dial
)

// noReuse reports whether an unread Close through pool p loses no
// connection reuse.
func noReuse(p pool) bool { return p == poolNoReuse || p == poolOneConn }

// freshTransport is the fact on a function that returns a *http.Client,
// *http.Transport or http.RoundTripper built anew on every call, with a
// Transport of its own (NoReuse: keep-alives disabled): a request sent
// through it leaves no connection for another call to reuse.
type freshTransport struct{ NoReuse bool }

func (*freshTransport) AFact() {}

func (f *freshTransport) String() string {
	if f.NoReuse {
		return "freshTransport(noReuse)"
	}
	return "freshTransport"
}

// isPoolType reports whether t may carry a connection pool: a client,
// transport or round tripper, or a struct that embeds one (a typed API
// client whose promoted Do sends through it).
func isPoolType(t types.Type) bool {
	if isDirectPoolType(t) {
		return true
	}
	_, ok := embeddedPool(t)
	return ok
}

func isDirectPoolType(t types.Type) bool {
	t = match.Deref(t)
	return match.IsNamed(t, match.NetHTTP, "Client", "Transport", "RoundTripper")
}

// requestPool tells what the pool of the request sent by call allows.
func (c *checker) requestPool(fn *function, call *ast.CallExpr) pool {
	callee := match.Callee(c.pass.TypesInfo, call)
	if callee == nil {
		return poolShared
	}
	sig, ok := callee.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !isPoolType(sig.Recv().Type()) {
		return poolShared // http.Get and friends: DefaultClient
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return poolShared
	}
	return c.poolOfExpr(fn, sel.X, 0)
}

// poolOfExpr evaluates the pool of e, a client, transport or round
// tripper, in fn (nil outside functions).
func (c *checker) poolOfExpr(fn *function, e ast.Expr, depth int) pool {
	if depth > 6 || e == nil {
		return poolShared
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return c.poolOfExpr(fn, x.X, depth+1)
		}
	case *ast.StarExpr:
		return c.poolOfExpr(fn, x.X, depth+1)
	case *ast.TypeAssertExpr:
		return c.poolOfExpr(fn, x.X, depth+1)
	case *ast.CompositeLit:
		t := info.TypeOf(x)
		switch {
		case isH2Transport(t):
			return poolNoReuse // HTTP/2 only
		case match.IsNamed(t, match.NetHTTP, "Transport"):
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "DisableKeepAlives") && isConstTrue(info, kv.Value) {
					return poolNoReuse
				}
			}
			return c.transportLitPool(fn, x)
		case match.IsNamed(t, match.NetHTTP, "Client"):
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Transport") {
					return c.poolOfExpr(fn, kv.Value, depth+1)
				}
			}
			return poolShared // DefaultTransport
		default:
			if name, ok := embeddedPool(t); ok {
				for _, el := range x.Elts {
					if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, name) {
						return c.poolOfExpr(fn, kv.Value, depth+1)
					}
				}
			}
		}
	case *ast.CallExpr:
		callee := match.Callee(info, x)
		if callee == nil {
			return poolShared
		}
		if match.IsMethod(callee, match.NetHTTP, "Transport", "Clone") {
			if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && c.poolOfExpr(fn, sel.X, depth+1) == poolNoReuse {
				return poolNoReuse
			}
			return poolFresh
		}
		if f := c.freshOf(callee); f != nil {
			if f.NoReuse {
				return poolNoReuse
			}
			return poolFresh
		}
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return poolShared
		}
		if fn != nil && fn.owns(v) {
			return c.poolOfLocal(fn, v, depth)
		}
		if v.Parent() == c.pass.Pkg.Scope() {
			return c.poolOfStored(v, nil, depth) // a package variable
		}
	case *ast.SelectorExpr:
		if v, ok := info.Uses[x.Sel].(*types.Var); ok && v.IsField() && !v.Exported() && v.Pkg() == c.pass.Pkg {
			return c.poolOfStored(nil, v, depth)
		}
	}
	return poolShared
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}

func isConstTrue(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}

// combine joins the pools of the values a variable may hold.
func combine(ps []pool) pool {
	if len(ps) == 0 {
		return poolShared
	}
	r := poolOneConn
	for _, p := range ps {
		switch p {
		case poolShared:
			return poolShared
		case poolFresh:
			r = poolFresh
		case poolNoReuse:
			if r == poolOneConn {
				r = poolNoReuse
			}
		}
	}
	return r
}

// freshOf returns the freshTransport fact of fn, from this package or
// another, or nil.
func (c *checker) freshOf(fn *types.Func) *freshTransport {
	return funcFact(c, fn, c.fresh, func(decl *ast.FuncDecl) *freshTransport { return c.computeFresh(fn, decl) })
}

// computeFresh tells whether fn returns, on every return statement, a
// client or transport it built with a Transport of its own.
func (c *checker) computeFresh(fn *types.Func, decl *ast.FuncDecl) *freshTransport {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return nil
	}
	k := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if isPoolType(sig.Results().At(i).Type()) {
			if k >= 0 {
				return nil
			}
			k = i
		}
	}
	if k < 0 {
		return nil
	}
	f := c.function(decl)
	var ps []pool
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != sig.Results().Len() {
				ps = append(ps, poolShared)
				return false
			}
			e := n.Results[k]
			if match.IsNil(c.pass.TypesInfo, e) {
				return false // an error path
			}
			ps = append(ps, c.poolOfExpr(f, e, 0))
		}
		return true
	})
	switch combine(ps) {
	case poolFresh:
		return &freshTransport{}
	case poolNoReuse, poolOneConn:
		// A helper's single connection is its caller's to close: only
		// the drain is moot.
		return &freshTransport{NoReuse: true}
	}
	return nil
}

// sameClient reports whether two calls that return responses go through
// the same client, as far as their text tells: the same receiver
// expression (c.Get and c.Do), both the package functions of net/http
// (http.DefaultClient), or the same other function (a wrapper).
func (c *checker) sameClient(a, b *ast.CallExpr) bool {
	if a == nil || b == nil {
		return false
	}
	return c.clientKey(a) == c.clientKey(b)
}

func (c *checker) clientKey(call *ast.CallExpr) string {
	callee := match.Callee(c.pass.TypesInfo, call)
	if callee == nil {
		return types.ExprString(call.Fun)
	}
	if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return "recv:" + types.ExprString(sel.X)
		}
	}
	if callee.Pkg() != nil && callee.Pkg().Path() == match.NetHTTP {
		return "recv:http.DefaultClient"
	}
	return callee.FullName()
}
