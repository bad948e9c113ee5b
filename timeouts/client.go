package timeouts

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

// call checks new(T), the package-level serve functions, and sends through
// http.DefaultClient.
func (c *checker) call(cur cursor, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) == 1 {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
			k := kindOf(info.TypeOf(call.Args[0]))
			if k != none && k.enabled() {
				if sum := c.follow(cur, k); sum != nil {
					c.report(k, cursor{}, nil, call.Pos(), call.End(), nil, sum)
				}
			}
			return
		}
	}
	fn := match.Callee(info, call)
	if fn == nil {
		return
	}
	c.importedConstructor(cur, call, fn)
	if cfg.client && match.IsMethod(fn, match.NetHTTP, "Client", "Do", "Get", "Head", "Post", "PostForm") {
		c.zeroClientField(cur, call, fn)
	}
	switch {
	case cfg.listen && match.IsFunc(fn, match.NetHTTP, "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"):
		contract := false
		if len(call.Args) > 0 {
			if strings.HasPrefix(fn.Name(), "Listen") && c.loopbackAddr(call.Args[0]) ||
				strings.HasPrefix(fn.Name(), "Serve") && c.listenerReach(call.Args[0]) != publicReach {
				if !c.strict {
					return // only local clients can reach it, or the analyzer cannot know
				}
				contract = true
			}
		}
		c.reportListen(call, fn.Name(), contract)
	case cfg.defaultClient && match.IsFunc(fn, match.NetHTTP, "Get", "Head", "Post", "PostForm"):
		if c.streamed(cur) {
			return // a Timeout or deadline would cut the stream
		}
		if c.reqctxOwns(call) {
			return
		}
		suppress.Reportf(c.pass, call.Fun, "http.%s uses http.DefaultClient, which has no Timeout: "+
			"the request can wait forever on a slow or stuck server; use an http.Client with Timeout set "+
			"or a request context with a deadline", fn.Name())
	case cfg.defaultClient && match.IsMethod(fn, match.NetHTTP, "Client", "Do", "Get", "Head", "Post", "PostForm"):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if fn.Name() == "Do" && (len(call.Args) != 1 || !c.bareRequest(cur, call.Args[0])) {
			return // the request may carry a deadline
		}
		if c.reqctxOwns(call) {
			return
		}
		if ok && match.IsPackageLevelVar(info, sel.X, match.NetHTTP, "DefaultClient") && !c.streamed(cur) {
			suppress.Reportf(c.pass, sel.X, "http.DefaultClient has no Timeout: "+
				"the request can wait forever on a slow or stuck server; use an http.Client with Timeout set "+
				"or a request context with a deadline")
		}
	}
}

// fallback reports `x = http.DefaultClient` inside `if x == nil`: a
// library that falls back to the default client when its caller passes
// none.
func (c *checker) fallback(cur cursor, as *ast.AssignStmt) {
	if !cfg.defaultClient || len(as.Lhs) != 1 || len(as.Rhs) != 1 ||
		!match.IsPackageLevelVar(c.pass.TypesInfo, as.Rhs[0], match.NetHTTP, "DefaultClient") {
		return
	}
	block, ok := cur.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return
	}
	ifs, ok := cur.Parent().Parent().Node().(*ast.IfStmt)
	if !ok || ifs.Body != block {
		return
	}
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.EQL {
		return
	}
	x := cond.X
	if match.IsNil(c.pass.TypesInfo, x) {
		x = cond.Y
	} else if !match.IsNil(c.pass.TypesInfo, cond.Y) {
		return
	}
	if !sameVar(c.pass.TypesInfo, x, as.Lhs[0]) {
		return
	}
	// Reported when the client then sends a request that carries no
	// context from elsewhere. Sends with the caller's context are not (a
	// watch that streams with that context must not time out), nor
	// defaults stored for later: their requests may carry a deadline
	// (logtail's uploads do).
	var v *types.Var
	switch lhs := ast.Unparen(as.Lhs[0]).(type) {
	case *ast.Ident:
		v, _ = c.pass.TypesInfo.ObjectOf(lhs).(*types.Var)
	case *ast.SelectorExpr:
		v, _ = c.pass.TypesInfo.ObjectOf(lhs.Sel).(*types.Var)
	}
	if v == nil {
		return
	}
	sum := new(summary)
	for _, use := range c.usesOf(v) {
		ecur := use
		if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == use.Node() {
			ecur = use.Parent()
		}
		c.classify(ecur, client, sum)
	}
	if !sum.used {
		return
	}
	suppress.Reportf(c.pass, as.Rhs[0], "falling back to http.DefaultClient, which has no Timeout, when no client is given: "+
		"requests can wait forever on a slow or stuck server; fall back to an http.Client with Timeout set")
}

// sameVar reports whether a and b denote the same variable or field
// selection of the same variable.
func sameVar(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		bi, ok := b.(*ast.Ident)
		return ok && info.ObjectOf(a) != nil && info.ObjectOf(a) == info.ObjectOf(bi)
	case *ast.SelectorExpr:
		bs, ok := b.(*ast.SelectorExpr)
		return ok && info.ObjectOf(a.Sel) != nil && info.ObjectOf(a.Sel) == info.ObjectOf(bs.Sel) && sameVar(info, a.X, bs.X)
	}
	return false
}
