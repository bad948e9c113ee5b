package bodyclose

// A response returned with an error to a retry helper: a function literal
// handed to a parameter its callee calls repeatedly (engine.Index.Retried)
// that returns the response together with an error hands it to a helper
// that retries on the error — it calls the literal again and drops what
// the failed attempt returned. Such a return is no hand-off: the path
// leaks there.

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// retriedBy returns the name of the helper that calls fn, a function
// literal, repeatedly, or "" when fn is no such literal.
func (fn *function) retriedBy() string {
	if fn.retrier == nil {
		name := ""
		if lit, ok := fn.node.(*ast.FuncLit); ok && fn.c.idx.Retried(lit) {
			name = "the helper"
			if call, ok := fn.c.idx.Parent(lit).(*ast.CallExpr); ok {
				name = calleeText(call)
			}
		}
		fn.retrier = &name
	}
	return *fn.retrier
}

// dropsOnRetry reports whether ret, in a retried literal, returns the
// tracked response together with an error that is surely not nil.
func (s *scanner) dropsOnRetry(ret *ast.ReturnStmt) bool {
	if s.tr.retriedBy == "" || len(ret.Results) < 2 {
		return false
	}
	gives := false
	for _, r := range ret.Results[:len(ret.Results)-1] {
		gives = gives || s.isTracked(r)
	}
	return gives && surelyError(s.info(), ret.Results[len(ret.Results)-1])
}

// surelyError reports whether e is an error value that cannot be nil: a
// composite literal or its address, or what fmt.Errorf or errors.New
// returns.
func surelyError(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	if t == nil || !types.Implements(t, errorType) {
		return false
	}
	if match.LitOf(e) != nil {
		return true
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := match.Callee(info, call)
	return match.IsFunc(fn, "fmt", "Errorf") || match.IsFunc(fn, "errors", "New")
}
