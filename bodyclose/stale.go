package bodyclose

// A response received into a variable whose earlier response the function
// already stored elsewhere to return: `result = &Response{Response: resp}`
// then, on a redirect, `resp, err = client.Do(req)` — the function goes on
// returning result, the first response, and drops the second (vault's
// api client, hashicorp/vault#15258). The advice is then not a deferred
// Close but to hand the new response on.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/httpvet/httpvet/internal/match"
)

// staleHolder returns the local variable that still holds the response v
// held before stmt reassigned it, when the function returns that
// variable after stmt: an assignment before stmt of an expression that
// uses v (result = &Response{Response: v}) to a local of fn other than v.
func (c *checker) staleHolder(fn *function, v *types.Var, stmt ast.Node) *types.Var {
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN {
		return nil // a new variable: there is no earlier response
	}
	info := c.pass.TypesInfo
	var holder *types.Var
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok || holder != nil {
			return false
		}
		st, ok := n.(*ast.AssignStmt)
		if !ok || st.End() > stmt.Pos() || len(st.Lhs) != 1 || len(st.Rhs) != 1 {
			return true
		}
		w, ok := match.ObjectOf(info, st.Lhs[0]).(*types.Var)
		if ok && w != v && fn.owns(w) && match.Mentions(info, st.Rhs[0], v) && c.returnedAfter(fn, w, stmt.End()) {
			holder = w
		}
		return true
	})
	return holder
}

// returnedAfter reports whether a return statement of fn after pos
// returns w.
func (c *checker) returnedAfter(fn *function, w *types.Var, pos token.Pos) bool {
	return match.AnyOutsideLits(fn.body(), func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		return ok && ret.Pos() > pos && slices.ContainsFunc(ret.Results, func(r ast.Expr) bool {
			return match.ObjectOf(c.pass.TypesInfo, r) == w
		})
	})
}
