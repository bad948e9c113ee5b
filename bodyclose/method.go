package bodyclose

// The method of the request a call sends, when it is known.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

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
	tv, ok := info.Types[m]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	method := constant.StringVal(tv.Value)
	return method, method != ""
}

// noContentURL reports whether the request call sends goes to a URL whose
// text has /generate_204 in it: the captive-portal check convention,
// answered by 204 No Content. A 204 has no body (the Transport gives
// http.NoBody and keeps the connection), so there is nothing to drain.
// The URL is the argument of http.Get or Client.Get, or the URL given to
// http.NewRequest[WithContext] at the request's last assignment; a local
// variable is followed to its last assignment, and any string constant
// inside the expression counts (fmt.Sprintf formats, concatenations).
func (c *checker) noContentURL(fn *function, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	callee := match.Callee(info, call)
	if callee == nil || len(call.Args) == 0 {
		return false
	}
	var url ast.Expr
	switch {
	case match.IsFunc(callee, match.NetHTTP, "Get"), match.IsMethod(callee, match.NetHTTP, "Client", "Get"):
		url = call.Args[0]
	default:
		req, _ := match.ObjectOf(info, call.Args[0]).(*types.Var)
		if req == nil || !fn.owns(req) || !match.IsRequest(req.Type()) {
			return false
		}
		rhs, ok := c.lastAssign(fn, req, call.Pos())
		if !ok {
			return false
		}
		nr, ok := ast.Unparen(rhs).(*ast.CallExpr)
		if !ok {
			return false
		}
		switch f := match.Callee(info, nr); {
		case match.IsFunc(f, match.NetHTTP, "NewRequest") && len(nr.Args) == 3:
			url = nr.Args[1]
		case match.IsFunc(f, match.NetHTTP, "NewRequestWithContext") && len(nr.Args) == 4:
			url = nr.Args[2]
		default:
			return false
		}
	}
	return c.mentionsNoContent(fn, url, call.Pos(), 0)
}

func (c *checker) mentionsNoContent(fn *function, e ast.Expr, pos token.Pos, depth int) bool {
	if depth > 4 {
		return false
	}
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case ast.Expr:
			if tv, ok := info.Types[n]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
				found = strings.Contains(constant.StringVal(tv.Value), "/generate_204")
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && fn.owns(v) {
					if rhs, ok := c.lastAssign(fn, v, pos); ok {
						found = c.mentionsNoContent(fn, rhs, pos, depth+1)
					}
				}
			}
		}
		return true
	})
	return found
}
