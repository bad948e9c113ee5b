package nilbody_test

import (
	"testing"

	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/nilbody"
)

// testdata holds the packages of testdata/src the tests below analyze,
// loaded once: net/http and the standard library under it are
// type-checked once per test binary, whatever the flags of each run.
var testdata = analyzertest.Load(
	"a", "helpers", "usehelpers", "errnil", "withtests", "fix", "broken",
)

func TestAnalyzer(t *testing.T) {
	testdata.Run(t, nilbody.Analyzer, "a", "helpers", "usehelpers", "errnil")
}

// TestTests turns test code on (strict mode does too).
func TestTests(t *testing.T) {
	analyzertest.SetFlags(t, nilbody.Analyzer, "tests", "true")
	testdata.Run(t, nilbody.Analyzer, "withtests")
}

func TestFixes(t *testing.T) {
	testdata.RunWithSuggestedFixes(t, nilbody.Analyzer, "fix")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, testdata, nilbody.Analyzer, "broken")
}

// BenchmarkNilbody runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkNilbody(b *testing.B) { benchmark.Run(b, nilbody.Analyzer) }
