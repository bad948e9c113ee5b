package analyzertest_test

import (
	"fmt"
	"go/ast"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/internal/analyzertest"
)

// marked is the fact fake exports: on its package, and on each function
// whose name starts with "mark".
type marked struct{ name string }

func (*marked) AFact()           {}
func (m *marked) String() string { return "marked " + m.name }

// fake reports each call of bad (fixed by calling good), of either (fixed
// by calling one, or two), and of strings.ToUpper (fixed by its argument,
// which leaves the strings import unused).
var fake = &analysis.Analyzer{
	Name:      "fake",
	Doc:       "report calls of bad, either and strings.ToUpper",
	FactTypes: []analysis.Fact{new(marked)},
	Run: func(pass *analysis.Pass) (any, error) {
		pass.ExportPackageFact(&marked{pass.Pkg.Name()})
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if strings.HasPrefix(n.Name.Name, "mark") {
						pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name], &marked{n.Name.Name})
					}
				case *ast.CallExpr:
					reportCall(pass, n)
				}
				return true
			})
		}
		return nil, nil
	},
}

func reportCall(pass *analysis.Pass, call *ast.CallExpr) {
	replace := func(n ast.Node, msg, text string) analysis.SuggestedFix {
		return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte(text)}}}
	}
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		switch fun.Name {
		case "bad":
			pass.Report(analysis.Diagnostic{Pos: call.Pos(), Message: "call to bad",
				SuggestedFixes: []analysis.SuggestedFix{replace(fun, "use good", "good")}})
		case "either":
			pass.Report(analysis.Diagnostic{Pos: call.Pos(), Message: "call to either",
				SuggestedFixes: []analysis.SuggestedFix{replace(fun, "use one", "one"), replace(fun, "use two", "two")}})
		}
	case *ast.SelectorExpr:
		if fun.Sel.Name == "ToUpper" {
			pass.Report(analysis.Diagnostic{Pos: call.Pos(), Message: "upper",
				SuggestedFixes: []analysis.SuggestedFix{replace(call, "drop upper", "s")}})
		}
	}
}

// recorder records the errors reported to it, and passes the rest of
// testing.TB on to the test.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

var testdata = analyzertest.Load("wantok", "wantbad", "fixtxtar")

// TestSameAsAnalysistest checks // want comments and golden files of
// packages that pass (wantok, fixtxtar) and of one that fails every way
// it can (wantbad), and compares the errors with analysistest's on the
// same packages: the same errors, but for the text that shows a golden
// file's difference.
func TestSameAsAnalysistest(t *testing.T) {
	pkgs := []string{"wantok", "wantbad", "fixtxtar"}
	ours, theirs := &recorder{TB: t}, &recorder{TB: t}
	testdata.RunWithSuggestedFixes(ours, fake, pkgs...)
	analysistest.RunWithSuggestedFixes(theirs, analysistest.TestData(), fake, pkgs...)
	got, want := comparable(ours.errors), comparable(theirs.errors)
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nanalysistest's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(got) != 14 {
		t.Errorf("%d errors, want 14:\n%s", len(got), strings.Join(got, "\n"))
	}
	for _, e := range got {
		if !strings.Contains(e, "wantbad/") {
			t.Errorf("error outside wantbad: %s", e)
		}
	}
}

// comparable returns errors sorted, each cut where a golden file's
// difference starts.
func comparable(errors []string) []string {
	var out []string
	for _, e := range errors {
		if i := strings.Index(e, " content:\n"); i >= 0 {
			e = e[:i]
		}
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}
