package bodyclose

// The Timeout of the client that sent a response: where it is in view, an
// unclosed body is held until that Timeout cancels the request (client.go,
// setRequestCancel: the request's context gets the deadline, and the
// Transport's read loop closes the connection when it passes), not for
// good, and the message says so.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"time"

	"github.com/httpvet/httpvet/internal/match"
)

// heldUntil returns how long an unclosed body of the response of call is
// held when the client that sends it has a Timeout in view: call is a
// method of *http.Client (Do, Get, Head, Post, PostForm) on a Client
// literal setting Timeout, or on a local variable of fn, an unexported
// field or a package variable whose every value is one. It returns "" when
// no such Timeout is in view.
func (c *checker) heldUntil(fn *function, call *ast.CallExpr) string {
	callee := match.Callee(c.pass.TypesInfo, call)
	if !match.IsMethod(callee, match.NetHTTP, "Client", "Do", "Get", "Head", "Post", "PostForm") {
		return ""
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	vals, ok := c.clientValues(fn, sel.X)
	if !ok || len(vals) == 0 {
		return ""
	}
	var timeout ast.Expr
	for i, val := range vals {
		t := literalTimeout(val)
		if t == nil || c.isZero(t) {
			return ""
		}
		if i == 0 {
			timeout = t
		} else if c.constDuration(t) == "" || c.constDuration(t) != c.constDuration(timeout) {
			timeout = nil // several: named in general
		}
	}
	if timeout != nil {
		if d := c.constDuration(timeout); d != "" {
			return "until the client's " + d + " Timeout cancels the request"
		}
		return "until the client's Timeout (" + types.ExprString(timeout) + ") cancels the request, for good if that is zero"
	}
	return "until the client's Timeout cancels the request, for good if that is zero"
}

// clientValues returns the Client values x may hold: a literal, or every
// value assigned to a local variable of fn, an unexported field of the
// package or an unexported package variable; ok is false when x may hold
// a value from elsewhere.
func (c *checker) clientValues(fn *function, x ast.Expr) (vals []ast.Expr, ok bool) {
	info := c.pass.TypesInfo
	x = match.Unaddr(x)
	if lit, isLit := x.(*ast.CompositeLit); isLit {
		return []ast.Expr{lit}, true
	}
	v, local := c.clientVar(fn, x)
	if v == nil {
		return nil, false
	}
	ok = true
	visit := func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND && match.ObjectOf(info, n.X) == v {
				ok = false // its address escapes
			}
		case *ast.KeyValueExpr:
			if id, isID := n.Key.(*ast.Ident); isID && v.IsField() && info.Uses[id] == v {
				vals = append(vals, n.Value)
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				l = ast.Unparen(l)
				if sel, isSel := l.(*ast.SelectorExpr); isSel && sel.Sel.Name == "Timeout" && match.ObjectOf(info, sel.X) == v {
					ok = false // set later: not followed
					continue
				}
				if match.ObjectOf(info, l) != v {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) {
					ok = false
					continue
				}
				vals = append(vals, n.Rhs[i])
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != v {
					continue
				}
				if len(n.Values) != len(n.Names) {
					ok = false // the zero Client, or a tuple
					continue
				}
				vals = append(vals, n.Values[i])
			}
		}
		return true
	}
	if local {
		ast.Inspect(fn.body(), visit)
	} else {
		for _, f := range c.pass.Files {
			ast.Inspect(f, visit)
		}
	}
	return vals, ok
}

// clientVar returns the variable x denotes when the package sees every
// value it gets: a local variable of fn (local), an unexported package
// variable, or an unexported field of the package; nil otherwise.
func (c *checker) clientVar(fn *function, x ast.Expr) (v *types.Var, local bool) {
	info := c.pass.TypesInfo
	switch x := x.(type) {
	case *ast.Ident:
		v, _ = info.Uses[x].(*types.Var)
		switch {
		case v == nil:
		case fn != nil && fn.owns(v):
			return v, true
		case v.Parent() == c.pass.Pkg.Scope() && !v.Exported():
			return v, false
		}
	case *ast.SelectorExpr:
		v, _ = info.Uses[x.Sel].(*types.Var)
		if v != nil && v.IsField() && !v.Exported() && v.Pkg() == c.pass.Pkg {
			return v, false
		}
	}
	return nil, false
}

// literalTimeout returns the Timeout a Client literal (or its address)
// sets, or nil.
func literalTimeout(e ast.Expr) ast.Expr {
	lit := match.LitOf(e)
	if lit == nil {
		return nil
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Timeout") {
			return kv.Value
		}
	}
	return nil
}

// isZero reports whether e is a constant zero (or negative: no timeout).
func (c *checker) isZero(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && constant.Sign(tv.Value) <= 0
}

// constDuration formats a positive constant duration ("30s"), or "".
func (c *checker) constDuration(e ast.Expr) string {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return ""
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	if !exact || n <= 0 {
		return ""
	}
	return time.Duration(n).String()
}
