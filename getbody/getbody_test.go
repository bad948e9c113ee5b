package getbody_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/getbody"
	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), getbody.Analyzer, "a", "ignore", "wrap", "usewrap", "buffers", "marshal", "usemarshal")
}

// TestTests checks that _test.go files are left out unless -tests is set.
func TestTests(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), getbody.Analyzer, "skiptests")
	if err := getbody.Analyzer.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	defer getbody.Analyzer.Flags.Set("tests", "false")
	analysistest.Run(t, analysistest.TestData(), getbody.Analyzer, "teston")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), getbody.Analyzer, "fix", "fixwrap")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must neither crash nor report anything it cannot stand behind.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, getbody.Analyzer, "broken")
}

// BenchmarkGetbody runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkGetbody(b *testing.B) { benchmark.Run(b, getbody.Analyzer) }
