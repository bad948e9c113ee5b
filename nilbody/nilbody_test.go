package nilbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/nilbody"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nilbody.Analyzer, "a", "helpers", "usehelpers")
}

// TestNoTests turns _test.go files off.
func TestNoTests(t *testing.T) {
	setFlag(t, "tests", "false")
	analysistest.Run(t, analysistest.TestData(), nilbody.Analyzer, "notests")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nilbody.Analyzer, "fix")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	for _, r := range analysistest.Run(&quietT{t}, analysistest.TestData(), nilbody.Analyzer, "broken") {
		if r.Err != nil {
			t.Errorf("analyzer failed on code with type errors: %v", r.Err)
		}
	}
}

// quietT ignores the type errors analysistest reports as failures.
type quietT struct{ *testing.T }

func (q *quietT) Errorf(format string, args ...any) { q.Logf(format, args...) }

func setFlag(t *testing.T, name, value string) {
	f := nilbody.Analyzer.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no flag %s", name)
	}
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Value.Set(old) })
}

// BenchmarkNilbody runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkNilbody(b *testing.B) { benchmark.Run(b, nilbody.Analyzer) }
