package bodyclose

// The method of the request a call sends, when it is known.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// knownMethod reports whether the request that call sends has a known
// method other than HEAD (so its response may carry a body to drain).
func (c *checker) knownMethod(fn *function, call *ast.CallExpr) bool {
	m, ok := c.requestMethod(fn, call)
	return ok && m != "HEAD" && m != "CONNECT"
}

// headRequest reports whether call sends a HEAD request: its response
// has no body, and an unclosed one holds no connection.
func (c *checker) headRequest(fn *function, call *ast.CallExpr) bool {
	m, ok := c.requestMethod(fn, call)
	return ok && m == "HEAD"
}

// requestMethod returns the method of the request that call sends, when
// it is known: http.Get, Head, Post, PostForm and the Client methods of
// those names, or Do/RoundTrip of a local request built by
// http.NewRequest[WithContext] with one constant method and never
// changed.
func (c *checker) requestMethod(fn *function, call *ast.CallExpr) (string, bool) {
	info := c.pass.TypesInfo
	callee := match.Callee(info, call)
	if callee == nil {
		return "", false
	}
	switch {
	case match.IsFunc(callee, match.NetHTTP, "Get"), match.IsMethod(callee, match.NetHTTP, "Client", "Get"):
		return "GET", true
	case match.IsFunc(callee, match.NetHTTP, "Head"), match.IsMethod(callee, match.NetHTTP, "Client", "Head"):
		return "HEAD", true
	case match.IsFunc(callee, match.NetHTTP, "Post", "PostForm"), match.IsMethod(callee, match.NetHTTP, "Client", "Post", "PostForm"):
		return "POST", true
	case match.IsMethod(callee, match.NetHTTP, "Client", "Do"),
		match.IsMethod(callee, match.NetHTTP, "Transport", "RoundTrip"),
		match.IsMethod(callee, match.NetHTTP, "RoundTripper", "RoundTrip"):
	default:
		return "", false
	}
	if len(call.Args) != 1 {
		return "", false
	}
	req, _ := match.ObjectOf(info, call.Args[0]).(*types.Var)
	if req == nil || !fn.owns(req) {
		return "", false
	}
	method := ""
	ok := true
	def := func(rhs ast.Expr) {
		m, known := c.constMethod(rhs)
		if !known || (method != "" && m != method) {
			ok = false
		}
		method = m
	}
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND && match.ObjectOf(info, n.X) == req {
				ok = false
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if sel, isSel := ast.Unparen(l).(*ast.SelectorExpr); isSel && sel.Sel.Name == "Method" && match.ObjectOf(info, sel.X) == req {
					ok = false
				}
				if match.ObjectOf(info, l) != req {
					continue
				}
				var rhs ast.Expr
				if len(n.Rhs) == 1 && i == 0 {
					rhs = n.Rhs[0]
				}
				def(rhs)
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] == req {
					var rhs ast.Expr
					if len(n.Values) == 1 && i == 0 {
						rhs = n.Values[0]
					}
					def(rhs)
				}
			}
		}
		return true
	})
	return method, ok && method != ""
}

// constMethod returns the constant method of e, a call of
// http.NewRequest[WithContext].
func (c *checker) constMethod(e ast.Expr) (string, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	info := c.pass.TypesInfo
	callee := match.Callee(info, call)
	if callee == nil {
		return "", false
	}
	var m ast.Expr
	switch {
	case match.IsFunc(callee, match.NetHTTP, "NewRequest") && len(call.Args) == 3:
		m = call.Args[0]
	case match.IsFunc(callee, match.NetHTTP, "NewRequestWithContext") && len(call.Args) == 4:
		m = call.Args[1]
	case len(call.Args) == 1:
		return c.constMethod(call.Args[0]) // must(http.NewRequest(…))
	default:
		return "", false
	}
	method, _ := match.ConstString(info, m)
	return method, method != ""
}
