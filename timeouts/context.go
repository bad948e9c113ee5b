package timeouts

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// bareRequest reports whether the request arg, sent at cur by Client.Do,
// provably carries no context from elsewhere: it is built in the
// function (http.NewRequest, or NewRequestWithContext with
// context.Background or TODO) and never given another context. A request
// with a context from the caller may have a deadline: the analyzer cannot
// know, and stays silent.
func (c *checker) bareRequest(cur cursor, arg ast.Expr) bool {
	return c.madeByCalls(cur, arg, func(call *ast.CallExpr) bool { return c.bareRequestCall(cur, call) })
}

// madeByCalls reports whether e is a call that made accepts, or a local
// variable of the function around cur whose every value is one: false
// for a parameter, a variable assigned some other way, or none.
func (c *checker) madeByCalls(cur cursor, e ast.Expr, made func(*ast.CallExpr) bool) bool {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return made(e)
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		body := outerBody(cur)
		if body == nil {
			return false
		}
		vals := assignedValues(info, body, v)
		for _, val := range vals {
			call, ok := ast.Unparen(val).(*ast.CallExpr) // not for nil: assigned some other way
			if !ok || !made(call) {
				return false
			}
		}
		return len(vals) > 0
	}
	return false
}

func (c *checker) bareRequestCall(cur cursor, call *ast.CallExpr) bool {
	fn := match.Callee(c.pass.TypesInfo, call)
	switch {
	case match.IsFunc(fn, match.NetHTTP, "NewRequest"):
		return !c.reqctxOwns(call)
	case match.IsFunc(fn, match.NetHTTP, "NewRequestWithContext") && len(call.Args) > 0:
		if bg, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok && c.reqctxOwns(bg) {
			return false
		}
		return c.backgroundContext(cur, call.Args[0])
	}
	return false
}

// reqctxOwns reports whether reqctx reported call (http.Get & co., a
// Client's Get, Head, Post or PostForm, http.NewRequest, or
// context.Background() given to a request) for leaving out the context
// its function has in scope. That context is the caller's deadline:
// reqctx's fix gives it to the request, which is then bounded as much as
// its caller, as a request carrying a context from elsewhere is (not
// reported here). One defect, one finding: timeouts stands down there.
// Where reqctx did not report — no context in scope, a directive
// suppressed it — the request is timeouts' to report.
func (c *checker) reqctxOwns(call *ast.CallExpr) bool { return c.reqctx.Owns(call) }

// backgroundContext reports whether ctx is context.Background() or
// context.TODO(), directly or through a local variable only assigned those.
func (c *checker) backgroundContext(cur cursor, ctx ast.Expr) bool {
	return c.madeByCalls(cur, ctx, func(call *ast.CallExpr) bool {
		return match.IsFunc(match.Callee(c.pass.TypesInfo, call), "context", "Background", "TODO")
	})
}

// outerBody returns the body of the outermost function declaration
// enclosing cur.
func outerBody(cur cursor) *ast.BlockStmt {
	var body *ast.BlockStmt
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		_, body = match.Func(c.Node())
	}
	return body
}

// assignedValues returns the values assigned to v in body: nil entries
// for assignments whose value cannot be told apart (tuple assignments
// from one call count as that call, x.f = … and &v uses give nil).
func assignedValues(info *types.Info, body *ast.BlockStmt, v *types.Var) []ast.Expr {
	var vals []ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			for i, lhs := range match.Assigned(n) {
				if match.ObjectOf(info, lhs) != v {
					continue
				}
				// The zero value (a nil request is no request) adds none;
				// sides that do not pair add nil.
				if val, _, ok := match.AssignedValue(n, i); val != nil || !ok {
					vals = append(vals, val)
				}
			}
		case *ast.UnaryExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.Uses[id] == v {
				vals = append(vals, nil) // &req: may be changed
			}
		}
		return true
	})
	return vals
}
