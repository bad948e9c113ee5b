package deadlineconn

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
)

// deleteFix deletes the statement of a deadline call when the call is the
// statement, or an if statement whose only effect is handling its error.
func (c *checker) deleteFix(body *ast.BlockStmt, call *ast.CallExpr) (analysis.SuggestedFix, bool) {
	info := c.pass.TypesInfo
	var stmt ast.Stmt
	inspectNoLit(body, func(n ast.Node) bool {
		if stmt != nil {
			return false
		}
		switch s := n.(type) {
		case *ast.ExprStmt:
			if ast.Unparen(s.X) == call {
				stmt = s
			}
		case *ast.AssignStmt:
			if len(s.Rhs) == 1 && ast.Unparen(s.Rhs[0]) == call && len(s.Lhs) == 1 {
				if id, ok := s.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
					stmt = s
				}
			}
		case *ast.IfStmt:
			as, ok := s.Init.(*ast.AssignStmt)
			if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call || s.Else != nil {
				return true
			}
			// The condition must be err != nil on the declared error.
			bin, ok := s.Cond.(*ast.BinaryExpr)
			if !ok || bin.Op != token.NEQ || !match.IsNil(info, bin.Y) || varOf(info, bin.X) == nil || varOf(info, bin.X) != varOf(info, as.Lhs[0]) {
				return true
			}
			stmt = s
		}
		return true
	})
	if stmt == nil {
		return analysis.SuggestedFix{}, false
	}
	edit, ok := fixes.DeleteStmt(c.pass, stmt)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	file := fixes.File(c.pass, stmt.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	imps, ok := fixes.RemovedImports(c.pass, file, analysis.Range(stmt))
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{
		Message:   "Delete the deadline call",
		TextEdits: append([]analysis.TextEdit{edit}, imps...),
	}, true
}
