package suppress_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/internal/suppress"
)

// fake reports every call to report(), through suppress.Report.
var fake = &analysis.Analyzer{
	Name:     "fake",
	Doc:      "report every call of report",
	Requires: []*analysis.Analyzer{suppress.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		suppress.ReportMalformed(pass)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "report" {
						suppress.Reportf(pass, call, "reported")
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestSuppress(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), fake, "s")
}
