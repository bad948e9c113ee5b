package bodyclose_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/bodyclose"
	"github.com/httpvet/httpvet/internal/benchmark"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), bodyclose.Analyzer, "a", "drain", "helpers", "usehelpers", "notests")
}

// TestTests checks _test.go files too.
func TestTests(t *testing.T) {
	setFlag(t, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), bodyclose.Analyzer, "intests")
}

// TestNoDrain turns the drain check off: the drain package, without its
// expectations, reports nothing.
func TestNoDrain(t *testing.T) {
	setFlag(t, "drain", "false")
	analysistest.Run(t, analysistest.TestData(), bodyclose.Analyzer, "nodrain")
}

func setFlag(t *testing.T, name, value string) {
	f := bodyclose.Analyzer.Flags.Lookup(name)
	if f == nil {
		t.Fatalf("no flag %s", name)
	}
	old := f.Value.String()
	if err := f.Value.Set(value); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = f.Value.Set(old) })
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), bodyclose.Analyzer, "fix")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	for _, r := range analysistest.Run(&quietT{t}, analysistest.TestData(), bodyclose.Analyzer, "broken") {
		if r.Err != nil {
			t.Errorf("analyzer failed on code with type errors: %v", r.Err)
		}
	}
}

// quietT ignores the type errors analysistest reports as failures.
type quietT struct{ *testing.T }

func (q *quietT) Errorf(format string, args ...any) { q.Logf(format, args...) }

// BenchmarkBodyclose runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkBodyclose(b *testing.B) { benchmark.Run(b, bodyclose.Analyzer) }
