package deadlineconn_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/httpvet/httpvet/deadlineconn"
	"github.com/httpvet/httpvet/internal/suppress"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deadlineconn.Analyzer, "a", "helpers")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deadlineconn.Analyzer, "fix")
}

// BenchmarkDeadlineconn runs the analyzer over net/http and all its
// dependencies (facts on every package, as go vet does), loaded once.
func BenchmarkDeadlineconn(b *testing.B) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Tests: false}, "net/http")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		b.Skipf("cannot load net/http: %v", err)
	}
	// The baseline runs only what the analyzer requires, to tell its own
	// cost from the inspector's.
	for _, bc := range []struct {
		name string
		a    *analysis.Analyzer
	}{{"analyzer", deadlineconn.Analyzer}, {"baseline", suppress.Analyzer}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				g, err := checker.Analyze([]*analysis.Analyzer{bc.a, inspect.Analyzer}, pkgs, &checker.Options{Sequential: true})
				if err != nil {
					b.Fatal(err)
				}
				for act := range g.All() {
					if act.Err != nil {
						b.Fatal(act.Err)
					}
				}
			}
		})
	}
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	for _, r := range analysistest.Run(&quietT{t}, analysistest.TestData(), deadlineconn.Analyzer, "broken") {
		if r.Err != nil {
			t.Errorf("analyzer failed on code with type errors: %v", r.Err)
		}
	}
}

// quietT ignores the type errors analysistest reports as failures.
type quietT struct{ *testing.T }

func (q *quietT) Errorf(format string, args ...any) { q.Logf(format, args...) }
