package bodyclose

// What a Transport built in the function allows beyond keep-alives: an
// HTTP/2-only Transport loses no connection to an unread Close, and one
// whose dial hook hands out a connection it did not dial owns nothing
// the pool could keep.

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

const xNetHTTP2 = "golang.org/x/net/http2"

// dialHooks are the Transport fields that hand the Transport its
// connections.
var dialHooks = map[string]bool{"Dial": true, "DialContext": true, "DialTLS": true, "DialTLSContext": true}

// transportLitPool refines the pool of a &http.Transport{…} literal from
// its fields: Protocols that allow only HTTP/2, or a dial hook that hands
// out one connection it did not dial.
func (c *checker) transportLitPool(fn *function, lit *ast.CompositeLit) pool {
	for name, kv := range match.KeyedFields(lit) {
		switch {
		case dialHooks[name] && c.handsOutConn(kv.Value):
			return poolOneConn
		case name == "Protocols" && fn != nil:
			if v, ok := match.ObjectOf(c.pass.TypesInfo, match.Unaddr(kv.Value)).(*types.Var); ok && fn.owns(v) && c.h2Only(fn, v, false) {
				return poolNoReuse
			}
		}
	}
	return poolFresh
}

// handsOutConn reports whether e, a dial hook, is a function literal that
// returns a connection without dialling one: it calls nothing that
// returns a net.Conn (a connection taken from a channel or a variable,
// an in-memory conn built in place). Such a Transport serves the one
// connection its function made, whose lifetime that function decides.
func (c *checker) handsOutConn(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.FuncLit)
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	dials := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || dials {
			return !dials
		}
		switch t := info.TypeOf(call).(type) {
		case *types.Tuple:
			for i := 0; i < t.Len(); i++ {
				if isConn(t.At(i).Type()) {
					dials = true
				}
			}
		case types.Type:
			if isConn(t) {
				dials = true
			}
		}
		return true
	})
	return !dials
}

// isConn reports whether t implements net.Conn's Read, Write and Close
// with LocalAddr and RemoteAddr: a connection, whatever its package.
func isConn(t types.Type) bool {
	if t == nil {
		return false
	}
	if match.IsNamed(t, "net", "Conn") {
		return true
	}
	ms := types.NewMethodSet(t)
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		if _, isIface := t.Underlying().(*types.Interface); !isIface {
			ms = types.NewMethodSet(types.NewPointer(t))
		}
	}
	for _, name := range []string{"Read", "Write", "Close", "LocalAddr", "RemoteAddr", "SetDeadline"} {
		found := false
		for i := 0; i < ms.Len(); i++ {
			if ms.At(i).Obj().Name() == name {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// h2Only reports whether v, a local *http.Transport (viaField) or
// http.Protocols variable of fn, is set to HTTP/2 only: some
// SetHTTP2(true) or SetUnencryptedHTTP2(true) on it, every Set call with a
// constant, and no SetHTTP1(true). Closing an unread body then resets one
// stream; the connection stays pooled.
func (c *checker) h2Only(fn *function, v *types.Var, viaField bool) bool {
	info := c.pass.TypesInfo
	h2, h1, unknown := false, false, false
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || len(call.Args) != 1 {
			return true
		}
		target := ast.Unparen(sel.X)
		if viaField {
			f, ok := target.(*ast.SelectorExpr)
			if !ok || f.Sel.Name != "Protocols" {
				return true
			}
			target = f.X
		}
		if match.ObjectOf(info, target) != v {
			return true
		}
		tv, ok := info.Types[call.Args[0]]
		if !ok || tv.Value == nil {
			unknown = true
			return true
		}
		on := isConstTrue(info, call.Args[0])
		switch sel.Sel.Name {
		case "SetHTTP1":
			h1 = h1 || on
		case "SetHTTP2", "SetUnencryptedHTTP2":
			h2 = h2 || on
		}
		return true
	})
	return h2 && !h1 && !unknown
}

// isH2Transport reports whether t is golang.org/x/net/http2's Transport,
// which speaks nothing but HTTP/2.
func isH2Transport(t types.Type) bool {
	return match.IsNamed(t, xNetHTTP2, "Transport")
}

// embeddedPool returns the name of the embedded *http.Client (or Client,
// Transport) field of t, a struct or a pointer to one, if it has one: its
// promoted Do and Get send through that pool.
func embeddedPool(t types.Type) (string, bool) {
	st, ok := match.DerefUnderlying(t).(*types.Struct)
	if !ok {
		return "", false
	}
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		if f.Embedded() && isDirectPoolType(f.Type()) {
			return f.Name(), true
		}
	}
	return "", false
}
