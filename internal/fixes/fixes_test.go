package fixes_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/internal/fixes"
)

// fake offers fixes built with the helpers:
//   - useIO() becomes io.EOF (AddImport);
//   - drop(x) becomes nil (RemovedImports);
//   - the statement del() is deleted (DeleteStmt).
var fake = &analysis.Analyzer{
	Name: "fake",
	Doc:  "exercise the fix helpers",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ExprStmt:
					if call, ok := n.X.(*ast.CallExpr); ok && name(call) == "del" {
						if edit, ok := fixes.DeleteStmt(pass, n); ok {
							report(pass, call, "delete", edit)
						} else {
							pass.Reportf(call.Pos(), "del: not alone")
						}
					}
				case *ast.CallExpr:
					switch name(n) {
					case "useIO":
						file := fixes.File(pass, n.Pos())
						local, edits, ok := fixes.AddImport(pass.TypesInfo, pass.Pkg, file, n.Pos(), "io", "io")
						if !ok {
							pass.Reportf(n.Pos(), "useIO: io is taken")
							return true
						}
						edits = append(edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(local + ".EOF")})
						report(pass, n, "use io", edits...)
					case "drop":
						removed, ok := fixes.RemovedImports(pass, fixes.File(pass, n.Pos()), n)
						if !ok {
							pass.Reportf(n.Pos(), "drop: would leave a variable unused")
							return true
						}
						edits := append([]analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte("nil")}}, removed...)
						report(pass, n, "drop", edits...)
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

func name(call *ast.CallExpr) string {
	if id, ok := call.Fun.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func report(pass *analysis.Pass, n ast.Node, msg string, edits ...analysis.TextEdit) {
	pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg,
		SuggestedFixes: []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}})
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), fake, "imports", "noimports", "single", "unused", "shadow")
}
