package deadlineconn_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/deadlineconn"
	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), deadlineconn.Analyzer, "a", "helpers", "factories", "usefactories", "nonet", "nonetuse")
}

func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), deadlineconn.Analyzer, "fix")
}

// BenchmarkDeadlineconn runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkDeadlineconn(b *testing.B) { benchmark.Run(b, deadlineconn.Analyzer) }

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, analyzertest.Load("broken"), deadlineconn.Analyzer, "broken")
}
