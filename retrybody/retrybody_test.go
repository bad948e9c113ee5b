package retrybody_test

import (
	"testing"

	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/retrybody"
)

// testdata holds the packages of testdata/src the tests below analyze,
// loaded once: net/http and the standard library under it are
// type-checked once per test binary, whatever the flags of each run.
var testdata = analyzertest.Load(
	"a", "wrap", "usewrap", "builder", "usebuilder", "parambody", "closure", "fields",
	"reader", "fix", "move", "broken",
)

func TestAnalyzer(t *testing.T) {
	testdata.Run(t, retrybody.Analyzer, "a", "wrap", "usewrap", "builder", "usebuilder", "parambody", "closure", "fields", "reader")
}

func TestFixes(t *testing.T) {
	testdata.RunWithSuggestedFixes(t, retrybody.Analyzer, "fix", "move")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, testdata, retrybody.Analyzer, "broken")
}

// BenchmarkRetrybody runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkRetrybody(b *testing.B) { benchmark.Run(b, retrybody.Analyzer) }
