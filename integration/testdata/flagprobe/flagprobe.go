// Package flagprobe registers a second, test-only golangci-lint module
// plugin, "httpvetflagprobe", through httpvet's plugin code
// (golangci.NewFor), so that the integration test can check that a setting
// reaches an analyzer flag in a real golangci-lint run whatever flags the
// httpvet analyzers have. integration/build.sh links it into the
// golangci-lint it builds for the tests only when HTTPVET_GOLANGCI_EXTRA
// names it; it is inert unless .golangci.yml configures it.
package flagprobe

import (
	"go/ast"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/golangci"
)

// Analyzer reports every function declaration named by its -func-name flag.
var Analyzer = &analysis.Analyzer{
	Name: "flagprobe",
	Doc:  "report the functions named by -func-name (a test of settings)",
	Run:  run,
}

var funcName = "probeDefault"

func init() {
	Analyzer.Flags.StringVar(&funcName, "func-name", funcName, "name of the functions to report")
	register.Plugin("httpvetflagprobe", golangci.NewFor([]*analysis.Analyzer{Analyzer}))
}

func run(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == funcName {
				pass.Reportf(fd.Name.Pos(), "function %s matches func-name", fd.Name.Name)
			}
		}
	}
	return nil, nil
}
