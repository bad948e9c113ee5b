package nilbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/nilbody"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nilbody.Analyzer, "a", "helpers", "usehelpers", "errnil")
}

// TestTests turns test code on (strict mode does too).
func TestTests(t *testing.T) {
	analyzertest.SetFlags(t, nilbody.Analyzer, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), nilbody.Analyzer, "withtests")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nilbody.Analyzer, "fix")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, analyzertest.Load("broken"), nilbody.Analyzer, "broken")
}

// BenchmarkNilbody runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkNilbody(b *testing.B) { benchmark.Run(b, nilbody.Analyzer) }
