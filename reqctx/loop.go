package reqctx

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// retriesWithoutCtx reports whether the request at the end of stack is
// made in an endless loop (for without a condition) that has an error
// path going straight back round, `if err != nil { …; continue }`, that
// does not look at ctx. Giving the request ctx there makes the program
// worse on its own: once ctx is cancelled every attempt fails at once
// and the loop retries forever, where it used to hang once. The finding
// stays, but it says so and offers no fix.
func retriesWithoutCtx(info *types.Info, stack []ast.Node, ctx *types.Var) bool {
	var loop *ast.ForStmt
	for i := len(stack) - 1; i >= 0 && loop == nil; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit, *ast.RangeStmt:
			return false
		case *ast.ForStmt:
			if n.Cond != nil {
				return false
			}
			loop = n
		}
	}
	if loop == nil {
		return false
	}
	found := false
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false // their continue is not this loop's
		case *ast.IfStmt:
			if k := len(n.Body.List); k > 0 && isContinue(n.Body.List[k-1]) && !match.Mentions(info, n, ctx) {
				found = true
			}
		}
		return true
	})
	return found
}

func isContinue(s ast.Stmt) bool {
	b, ok := s.(*ast.BranchStmt)
	return ok && b.Tok == token.CONTINUE && b.Label == nil
}

// retryNote is what the message adds where retriesWithoutCtx holds.
func retryNote(ctx string) string {
	return "; the loop around it retries on error without checking " + ctx + ", so also return there when " + ctx + ".Err() != nil, or a cancelled " + ctx + " makes it retry forever"
}
