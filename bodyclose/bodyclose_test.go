package bodyclose_test

import (
	"testing"

	"github.com/httpvet/httpvet/bodyclose"
	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/internal/engine"
)

// testdata holds the packages of testdata/src the tests below analyze,
// loaded once: net/http and the standard library under it are
// type-checked once per test binary, whatever the flags of each run.
var testdata = analyzertest.Load(
	"a", "drain", "helpers", "usehelpers", "notests", "ownership", "reuse", "reusemain",
	"cancelmain", "oneshot", "clicmd", "probetest", "released", "noreturn", "wrapdep",
	"wrapuse", "deadpath", "swapbody", "percall", "percallmain", "held", "helduse",
	"handoff", "namedresult", "retried", "bodiless", "budget", "intests", "nodrain", "drainall", "fix", "fixlimit", "broken",
	"strictmode",
)

// TestAnalyzer checks the // want comments of the packages that hold with
// the default flags, loaded together (net/http once); budget's are those
// of the whole search budget (see TestBudget).
func TestAnalyzer(t *testing.T) {
	testdata.Run(t, bodyclose.Analyzer, "a", "drain", "helpers", "usehelpers", "notests", "ownership", "reuse", "reusemain", "cancelmain", "oneshot", "clicmd", "probetest", "released", "noreturn", "wrapdep", "wrapuse", "deadpath", "swapbody", "percall", "percallmain", "held", "helduse", "handoff", "namedresult", "retried", "bodiless", "budget")
}

// TestTests checks _test.go files too.
func TestTests(t *testing.T) {
	analyzertest.SetFlags(t, bodyclose.Analyzer, "tests", "true")
	testdata.Run(t, bodyclose.Analyzer, "intests")
}

// TestNoDrain turns the drain check off: the drain package, without its
// expectations, reports nothing.
func TestNoDrain(t *testing.T) {
	analyzertest.SetFlags(t, bodyclose.Analyzer, "drain", "false")
	testdata.Run(t, bodyclose.Analyzer, "nodrain")
}

// TestDrainAll is the strict mode: every unread path.
func TestDrainAll(t *testing.T) {
	analyzertest.SetFlags(t, bodyclose.Analyzer, "drain", "all")
	testdata.Run(t, bodyclose.Analyzer, "drainall")
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
		analyzertest.SetFlags(t, bodyclose.Analyzer, "drain", v)
	}
	if err := f.Value.Set("some"); err == nil {
		t.Error("-drain=some accepted")
	}
	if g := bodyclose.Analyzer.Flags.Lookup("drain-limit"); g == nil || g.DefValue != "65536" {
		t.Errorf("-drain-limit: %v", g)
	}
}

func TestFixes(t *testing.T) {
	testdata.RunWithSuggestedFixes(t, bodyclose.Analyzer, "fix")
}

// TestFixLimit writes a -drain-limit in MiB as 1<<20.
func TestFixLimit(t *testing.T) {
	analyzertest.SetFlags(t, bodyclose.Analyzer, "drain-limit", "1048576")
	testdata.RunWithSuggestedFixes(t, bodyclose.Analyzer, "fixlimit")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, testdata, bodyclose.Analyzer, "broken")
}

// BenchmarkBodyclose runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkBodyclose(b *testing.B) { benchmark.Run(b, bodyclose.Analyzer) }

// TestBudget checks that the path search gives up silently once the
// function's search budget is spent: the budget package's leak is found
// with the whole budget (its // want comments are checked in
// TestAnalyzer), and nothing at all is reported with a budget that the
// searches before it spend.
func TestBudget(t *testing.T) {
	if len(analyzertest.Findings(testdata.Analyze(t, bodyclose.Analyzer, "budget"))) == 0 {
		t.Errorf("with the whole budget, bodyclose does not report the leak")
	}
	defer engine.SetSearchBudgetForTest(100)()
	if n := len(analyzertest.Findings(testdata.Analyze(t, bodyclose.Analyzer, "budget"))); n > 0 {
		t.Errorf("out of budget, bodyclose still reports %d findings", n)
	}
}

// TestStrict runs the shapes only strict mode reports (contract findings),
// with their fixes, beside a finding of both modes (cost).
func TestStrict(t *testing.T) {
	analyzertest.Strict(t)
	testdata.RunWithSuggestedFixes(t, analyzertest.Classed(bodyclose.Analyzer), "strictmode")
}

// TestStrictDefault runs the strict mode's package in the default mode:
// only its cost finding is reported.
func TestStrictDefault(t *testing.T) {
	results := testdata.Analyze(t, bodyclose.Analyzer, "strictmode")
	lines := make(map[int]bool)
	for _, act := range results {
		for _, d := range act.Diagnostics {
			lines[act.Package.Fset.Position(d.Pos).Line] = true
		}
	}
	if len(lines) != 1 || !lines[53] || len(analyzertest.Contract(results)) != 0 {
		t.Errorf("default mode: findings on lines %v, %d of class contract; want the one cost finding, on line 53", lines, len(analyzertest.Contract(results)))
	}
}

// TestStrictAddsContract: on the default mode's packages, strict mode
// keeps every finding and adds only contract ones.
func TestStrictAddsContract(t *testing.T) {
	analyzertest.StrictAddsContract(t, testdata, bodyclose.Analyzer, "released", "oneshot", "cancelmain", "clicmd", "drain", "intests")
}
