package bodyclose_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/bodyclose"
	"github.com/httpvet/httpvet/internal/benchmark"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), bodyclose.Analyzer, "a", "drain", "helpers", "usehelpers", "notests", "ownership")
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

// TestDrainAll is the strict mode: every unread path.
func TestDrainAll(t *testing.T) {
	setFlag(t, "drain", "all")
	analysistest.Run(t, analysistest.TestData(), bodyclose.Analyzer, "drainall")
}

// TestDrainFlag checks the values -drain accepts, and that it is not a bool
// flag: go vet would then refuse -bodyclose.drain=all.
func TestDrainFlag(t *testing.T) {
	f := bodyclose.Analyzer.Flags.Lookup("drain")
	if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
		t.Error("-drain is a bool flag: go vet -bodyclose.drain=all would fail")
	}
	if f.DefValue != "true" {
		t.Errorf("-drain defaults to %q, want true", f.DefValue)
	}
	for _, v := range []string{"true", "false", "all", "TRUE"} {
		setFlag(t, "drain", v)
	}
	if err := f.Value.Set("some"); err == nil {
		t.Error("-drain=some accepted")
	}
	if g := bodyclose.Analyzer.Flags.Lookup("drain-limit"); g == nil || g.DefValue != "65536" {
		t.Errorf("-drain-limit: %v", g)
	}
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

// TestFixLimit writes a -drain-limit in MiB as 1<<20.
func TestFixLimit(t *testing.T) {
	setFlag(t, "drain-limit", "1048576")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), bodyclose.Analyzer, "fixlimit")
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
