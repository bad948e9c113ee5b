package retrybody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/retrybody"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), retrybody.Analyzer, "a", "wrap", "usewrap", "builder", "usebuilder", "parambody", "closure", "fields", "reader")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), retrybody.Analyzer, "fix", "move")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, analyzertest.Load("broken"), retrybody.Analyzer, "broken")
}

// BenchmarkRetrybody runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkRetrybody(b *testing.B) { benchmark.Run(b, retrybody.Analyzer) }
