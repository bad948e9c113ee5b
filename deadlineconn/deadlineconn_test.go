package deadlineconn_test

import (
	"testing"

	"github.com/httpvet/httpvet/deadlineconn"
	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
)

// testdata holds the packages of testdata/src the tests below analyze,
// loaded once: net/http and the standard library under it are
// type-checked once per test binary, whatever the flags of each run.
var testdata = analyzertest.Load(
	"a", "helpers", "factories", "usefactories", "nonet", "nonetuse", "fix", "broken",
)

func TestAnalyzer(t *testing.T) {
	testdata.Run(t, deadlineconn.Analyzer, "a", "helpers", "factories", "usefactories", "nonet", "nonetuse")
}

func TestFixes(t *testing.T) {
	testdata.RunWithSuggestedFixes(t, deadlineconn.Analyzer, "fix")
}

// BenchmarkDeadlineconn runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkDeadlineconn(b *testing.B) { benchmark.Run(b, deadlineconn.Analyzer) }

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, testdata, deadlineconn.Analyzer, "broken")
}
