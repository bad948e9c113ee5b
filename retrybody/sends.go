package retrybody

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// A key names a request by where it is held: a variable (a local or a
// parameter) and the fields from it to the request, through embedded
// fields too (req.Request of a struct embedding *http.Request).
type key struct {
	root *types.Var
	path string // dot-separated field names, "" for the variable itself
}

func (k key) with(field string) key {
	if k.path == "" {
		return key{k.root, field}
	}
	return key{k.root, k.path + "." + field}
}

// keyOf returns the key of e, an identifier or a chain of field
// selections on one.
func keyOf(info *types.Info, e ast.Expr) (key, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := info.ObjectOf(e).(*types.Var)
		if !ok || v.IsField() {
			return key{}, false
		}
		return key{root: v}, true
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok {
			// A qualified identifier: a package-level variable.
			v, ok := info.Uses[e.Sel].(*types.Var)
			if !ok {
				return key{}, false
			}
			return key{root: v}, true
		}
		if sel.Kind() != types.FieldVal {
			return key{}, false
		}
		k, ok := keyOf(info, e.X)
		if !ok {
			return key{}, false
		}
		t := sel.Recv()
		for _, i := range sel.Index() {
			st, ok := match.DerefUnderlying(t).(*types.Struct)
			if !ok || i >= st.NumFields() {
				return key{}, false
			}
			f := st.Field(i)
			k = k.with(f.Name())
			t = f.Type()
		}
		return k, true
	}
	return key{}, false
}

// relation says how a key c stands to the tracked request key k.
type relation int

const (
	unrelated relation = iota // another variable, or another field of it
	same                      // the request itself
	inside                    // a field of the request (req.Header); field is its name
	outside                   // what holds the request (r for r.Request)
)

func relate(c, k key) (rel relation, field string) {
	if c.root != k.root {
		return unrelated, ""
	}
	switch {
	case c.path == k.path:
		return same, ""
	case k.path == "":
		f, _, _ := strings.Cut(c.path, ".")
		return inside, f
	case strings.HasPrefix(c.path, k.path+"."):
		f, _, _ := strings.Cut(c.path[len(k.path)+1:], ".")
		return inside, f
	case c.path == "" || strings.HasPrefix(k.path, c.path+"."):
		return outside, ""
	}
	return unrelated, ""
}

// A send is a call that consumes the body of a request: Client.Do, a
// RoundTrip, a Do method of an interface, a function value of that
// signature, or a function with the sendsRequest fact.
type send struct {
	call   *ast.CallExpr
	callee *types.Func // nil for a function value
	arg    ast.Expr    // the argument holding the request
	req    key         // the request sent
	sub    string      // the fields from the argument to the request, for a wrapper's fact
	resend bool        // the callee re-sends it itself (the Resends fact)
}

// sendsOf returns the sends of call: usually one, several when a wrapper
// takes more than one request.
func (c *checker) sendsOf(call *ast.CallExpr) []send {
	info := c.info
	callee := match.Callee(info, call)
	if callee == nil {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if _, ok := info.Uses[id].(*types.Builtin); ok {
				return nil
			}
		}
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return nil
		}
		// A function value: a field or variable that stands in for Do.
		if sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature); ok && doSignature(sig) && len(call.Args) == 1 {
			return c.sendOf(call, nil, call.Args[0], "", false)
		}
		return nil
	}
	sig, ok := callee.Type().(*types.Signature)
	if !ok {
		return nil
	}
	f := c.fact(callee)
	if f == nil {
		switch {
		case match.IsMethod(callee, match.NetHTTP, "Client", "Do"),
			callee.Name() == "RoundTrip" && sig.Recv() != nil && doSignature(sig),
			callee.Name() == "Do" && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) && doSignature(sig):
			if len(call.Args) == 1 {
				return c.sendOf(call, callee, call.Args[0], "", false)
			}
		}
		return nil
	}
	var out []send
	args := func(p Param, resend bool) {
		if p.Index >= len(call.Args) || sig.Variadic() && p.Index >= sig.Params().Len()-1 {
			return
		}
		out = append(out, c.sendOf(call, callee, call.Args[p.Index], p.Path, resend)...)
	}
	for _, p := range f.Resends {
		args(p, true)
	}
	for _, p := range f.Sends {
		if !hasParam(f.Resends, p) {
			args(p, false)
		}
	}
	return out
}

func hasParam(list []Param, p Param) bool {
	for _, q := range list {
		if q.Index == p.Index && q.Path == p.Path {
			return true
		}
	}
	return false
}

// sendOf returns the send of the request arg (with the fields path below
// it), or none if arg is not a request the analysis can name. A shallow
// copy made for the call, req.WithContext(ctx) or req.Clone(ctx), shares
// the body: it is a send of req.
func (c *checker) sendOf(call *ast.CallExpr, callee *types.Func, arg ast.Expr, path string, resend bool) []send {
	k, ok := keyOf(c.info, sharedCopy(c.info, arg))
	if !ok {
		return nil
	}
	if path != "" {
		for _, f := range strings.Split(path, ".") {
			k = k.with(f)
		}
	}
	return []send{{call: call, callee: callee, arg: arg, req: k, sub: path, resend: resend}}
}

// sharedCopy returns the request e copies when e is req.WithContext(ctx)
// or req.Clone(ctx) (which copy the Body field, not the body), or e.
func sharedCopy(info *types.Info, e ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return e
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !match.IsMethod(match.Callee(info, call), match.NetHTTP, "Request", "WithContext", "Clone") {
			return e
		}
		e = sel.X
	}
}

// doSignature reports whether sig is func(*http.Request) (*http.Response, error).
func doSignature(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && match.IsRequest(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 2 && match.IsResponse(sig.Results().At(0).Type()) &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

// recordGoSends records in fn's fact the request parameters it sends on
// a goroutine it starts (go c.Do(req), go func() { … c.Do(req) … }()): the
// body is consumed there, and a caller that sends the request again after
// the call sends it consumed. (Within fn, such a send is no site: when it
// runs next to fn's own sends is not known.)
func (c *checker) recordGoSends(fn *engine.Func) (changed bool) {
	if fn.Lit != nil || fn.Body() == nil {
		return false
	}
	ast.Inspect(fn.Body(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt:
			return false
		case *ast.GoStmt:
			var calls []*ast.CallExpr
			if lit, ok := n.Call.Fun.(*ast.FuncLit); ok {
				calls = c.callsIn(lit.Body)
			} else {
				calls = []*ast.CallExpr{n.Call}
			}
			for _, call := range calls {
				for _, s := range c.sendsOf(call) {
					if p, ok := paramOf(fn, s.req); ok && c.record(fn, p, false) {
						changed = true
					}
				}
			}
			return false
		}
		return true
	})
	return changed
}

// callsIn returns the calls of body outside nested function literals,
// defer and go statements.
func (c *checker) callsIn(body *ast.BlockStmt) []*ast.CallExpr {
	var calls []*ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			calls = append(calls, n)
		}
		return true
	})
	return calls
}
