package suppress_test

import (
	"go/ast"
	"os/exec"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/analyzertest"
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

// testdata holds the packages of testdata/src the tests analyze, loaded
// once; cgo's, which needs a C compiler, is loaded apart by TestCgo.
var testdata = analyzertest.Load("s", "u", "dead", "peers")

func TestSuppress(t *testing.T) {
	testdata.Run(t, fake, "s")
}

// fakeNamed is fake under the name of a real analyzer.
func fakeNamed(name string) *analysis.Analyzer {
	return &analysis.Analyzer{Name: name, Doc: fake.Doc, Requires: fake.Requires, Run: fake.Run}
}

// getbody is fake under the name of a real analyzer: unknown names in
// directives nearest to "getbody" are its to report.
var getbody = fakeNamed("getbody")

func TestUnknownName(t *testing.T) {
	testdata.Run(t, getbody, "u")
}

// Files that import "C" are analyzed in cgo's rewritten copy, which has a
// "Code generated" header of its own.
func TestCgo(t *testing.T) {
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	if err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is off")
	}
	if _, err := exec.LookPath(strings.Fields(cEnv(t, "CC") + " gcc")[0]); err != nil {
		t.Skipf("no C compiler: %v", err)
	}
	analyzertest.Load("cgo").Run(t, fake, "cgo")
}

func cEnv(t *testing.T, name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Skipf("go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// TestNeverRuns: in package main, what nothing reaches from main, init,
// tests, initializers, methods or exports is not reported.
func TestNeverRuns(t *testing.T) {
	testdata.Run(t, fake, "dead")
}

// bodyclose is fake under the name of an analyzer with a peer linter of
// the same name: //nolint:bodyclose silences it.
var bodyclose = fakeNamed("bodyclose")

func TestPeers(t *testing.T) {
	testdata.Run(t, bodyclose, "peers")
}
