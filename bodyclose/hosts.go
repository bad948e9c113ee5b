package bodyclose

// Requests to another server each time round: a range loop whose request
// URL takes its host from the element the loop visits dials a different
// server on every iteration, so a body closed unread there costs no reuse
// (a pool keeps connections per host).

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"github.com/httpvet/httpvet/internal/match"
)

// schemeOnly matches a URL prefix that ends where the host begins.
var schemeOnly = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*://$`)

// hostPerIteration reports whether the loop at loopPos is a range loop
// and the URL of the request call sends takes its host from the loop's
// key or value: `fmt.Sprintf("http://%s/…", node.Host)` or
// `"https://" + node.Host + "/…"`, directly or through locals.
func (c *checker) hostPerIteration(fn *function, call *ast.CallExpr, loopPos token.Pos) bool {
	var loop *ast.RangeStmt
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if r, ok := n.(*ast.RangeStmt); ok && r.Pos() == loopPos {
			loop = r
		}
		return loop == nil
	})
	if loop == nil {
		return false
	}
	vars := make(map[*types.Var]bool)
	for _, e := range []ast.Expr{loop.Key, loop.Value} {
		if v, ok := match.ObjectOf(c.pass.TypesInfo, e).(*types.Var); ok {
			vars[v] = true
		}
	}
	url := c.requestURL(fn, call)
	if url == nil || len(vars) == 0 {
		return false
	}
	host := c.urlHost(fn, url, call.Pos(), 0)
	return host != nil && c.mentionsAny(fn, host, vars, call.Pos(), 0)
}

// requestURL returns the URL expression of the request call sends: the
// argument of http.Get or Client.Get, or the URL given to
// http.NewRequest[WithContext] at the request's last assignment.
func (c *checker) requestURL(fn *function, call *ast.CallExpr) ast.Expr {
	info := c.pass.TypesInfo
	callee := match.Callee(info, call)
	if callee == nil || len(call.Args) == 0 {
		return nil
	}
	if match.IsFunc(callee, match.NetHTTP, "Get") || match.IsMethod(callee, match.NetHTTP, "Client", "Get") {
		return call.Args[0]
	}
	req, _ := match.ObjectOf(info, call.Args[0]).(*types.Var)
	if req == nil || !fn.owns(req) || !match.IsRequest(req.Type()) {
		return nil
	}
	rhs, ok := c.lastAssign(fn, req, call.Pos())
	if !ok {
		return nil
	}
	nr, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return nil
	}
	switch f := match.Callee(info, nr); {
	case match.IsFunc(f, match.NetHTTP, "NewRequest") && len(nr.Args) == 3:
		return nr.Args[1]
	case match.IsFunc(f, match.NetHTTP, "NewRequestWithContext") && len(nr.Args) == 4:
		return nr.Args[2]
	}
	return nil
}

// urlHost returns the operand that fills the host of a URL built as
// "scheme://" + host + … or fmt.Sprintf("scheme://%s…", host, …),
// following a local variable to its last assignment before pos.
func (c *checker) urlHost(fn *function, url ast.Expr, pos token.Pos, depth int) ast.Expr {
	info := c.pass.TypesInfo
	if depth > 4 {
		return nil
	}
	switch e := ast.Unparen(url).(type) {
	case *ast.Ident:
		if v, ok := info.Uses[e].(*types.Var); ok && fn.owns(v) {
			if rhs, ok := c.lastAssign(fn, v, pos); ok {
				return c.urlHost(fn, rhs, pos, depth+1)
			}
		}
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return nil
		}
		ops := flattenAdd(e)
		if len(ops) >= 2 && isScheme(info, ops[0]) {
			return ops[1]
		}
	case *ast.CallExpr:
		if !match.IsFunc(match.Callee(info, e), "fmt", "Sprintf") || len(e.Args) < 2 {
			return nil
		}
		format, _ := match.ConstString(info, e.Args[0])
		if i := strings.IndexByte(format, '%'); i >= 0 && schemeOnly.MatchString(format[:i]) {
			return e.Args[1]
		}
	}
	return nil
}

// flattenAdd returns the operands of a chain of + in order.
func flattenAdd(e ast.Expr) []ast.Expr {
	if b, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return append(flattenAdd(b.X), flattenAdd(b.Y)...)
	}
	return []ast.Expr{e}
}

// mentionsAny reports whether e uses one of vars, directly or through
// locals assigned before pos.
func (c *checker) mentionsAny(fn *function, e ast.Expr, vars map[*types.Var]bool, pos token.Pos, depth int) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if found || !ok {
			return !found
		}
		v, ok := info.Uses[id].(*types.Var)
		switch {
		case !ok:
		case vars[v]:
			found = true
		case depth < 4 && fn.owns(v):
			if rhs, ok := c.lastAssign(fn, v, pos); ok {
				found = c.mentionsAny(fn, rhs, vars, pos, depth+1)
			}
		}
		return !found
	})
	return found
}

// isScheme reports whether e is a constant "scheme://".
func isScheme(info *types.Info, e ast.Expr) bool {
	s, ok := match.ConstString(info, e)
	return ok && schemeOnly.MatchString(s)
}
