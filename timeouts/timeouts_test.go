package timeouts_test

import (
	"testing"

	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/internal/fixes/fixtest"
	"github.com/httpvet/httpvet/timeouts"
)

// testdata holds the packages of testdata/src the tests below analyze,
// loaded once: net/http and the standard library under it are
// type-checked once per test binary, whatever the flags of each run.
var testdata = analyzertest.Load(
	"server", "client", "transport", "zeroclient", "semantics", "loopback", "shapes",
	"ctorlib", "ctoruse", "testsoff", "widgettest", "promtestutil", "latest", "reach",
	"stream", "decls", "idleconn", "fix", "listenfix", "transportfix", "flagsoff", "testson",
	"fixflags", "broken", "strictmode", "nolint",
)

// TestAnalyzer checks the // want comments of the packages that hold with
// the default flags, loaded together (net/http once):
//   - server, client, transport: the three kinds of finding;
//   - zeroclient: a Client field nothing gives a Timeout, and the fields
//     that are given one or may be set out of view;
//   - semantics: explicit zeros, reassigned variables;
//   - loopback: servers no slow client can reach are not reported;
//   - shapes: servers in slices and maps, constructors, reverse proxies,
//     polling clients;
//   - ctorlib, ctoruse: a constructor's callers in another package (facts);
//   - testsoff, widgettest, promtestutil, latest: test code is left out;
//   - reach: servers whose address or listener is followed through
//     variables, fields, parameters and flag defaults; listeners made
//     elsewhere are not reported;
//   - stream: responses consumed as streams or downloads are not
//     reported; bodies read whole are;
//   - decls: declarations without an identifier of net/http are walked
//     when they hold its values (a literal of another package's named
//     slice type) or call a function of the package (a listen address).
func TestAnalyzer(t *testing.T) {
	testdata.Run(t, timeouts.Analyzer,
		"server", "client", "transport", "zeroclient", "semantics", "loopback", "shapes",
		"ctorlib", "ctoruse", "testsoff", "widgettest", "promtestutil", "latest",
		"reach", "stream", "decls", "nolint")
}

// TestIdleConn: with -timeouts.idle-conn, a Transport whose only missing
// timeout is IdleConnTimeout is reported too.
func TestIdleConn(t *testing.T) {
	analyzertest.SetFlags(t, timeouts.Analyzer, "idle-conn", "true")
	testdata.Run(t, timeouts.Analyzer, "idleconn")
}

// TestFixes checks the fixes against their golden files, and that each
// leaves its file gofmt-clean as it is applied (gopls applies edits as
// they are), the Transport fixes (transportfix) among them.
func TestFixes(t *testing.T) {
	results := testdata.RunWithSuggestedFixes(t, timeouts.Analyzer, "fix", "listenfix", "transportfix")
	if n := fixtest.Gofmt(t, fixtest.Of(results, "fix", "listenfix")); n < 8 {
		t.Errorf("checked %d fixes for gofmt, want at least 8", n)
	}
	if n := fixtest.Gofmt(t, fixtest.Of(results, "transportfix")); n < 6 {
		t.Errorf("checked %d Transport fixes for gofmt, want 6", n)
	}
}

func TestFlagsOff(t *testing.T) {
	analyzertest.SetFlags(t, timeouts.Analyzer, "server", "false", "client", "false", "default-client", "false", "transport", "false", "listen", "false")
	testdata.Run(t, timeouts.Analyzer, "flagsoff")
}

// TestFlagsOneByOne checks that each flag turns off its kind alone.
func TestFlagsOneByOne(t *testing.T) {
	for _, tc := range []struct {
		flag string
		want int
	}{{"server", 6}, {"client", 6}, {"default-client", 5}, {"transport", 5}, {"listen", 6}} {
		t.Run(tc.flag, func(t *testing.T) {
			analyzertest.SetFlags(t, timeouts.Analyzer, tc.flag, "false")
			if n := len(analyzertest.Findings(testdata.Analyze(t, timeouts.Analyzer, "flagsoff"))); n != tc.want {
				t.Errorf("-%s=false: %d diagnostics, want %d", tc.flag, n, tc.want)
			}
		})
	}
}

// TestTestFiles: with -timeouts.tests, test code is reported too (the
// default mode's packages that leave it out are in TestAnalyzer).
func TestTestFiles(t *testing.T) {
	analyzertest.SetFlags(t, timeouts.Analyzer, "tests", "true")
	testdata.Run(t, timeouts.Analyzer, "testson")
}

func TestFixFlags(t *testing.T) {
	analyzertest.SetFlags(t, timeouts.Analyzer, "client-timeout", "5s", "read-header-timeout", "3s", "idle-timeout", "1.5s")
	fixtest.Gofmt(t, testdata.RunWithSuggestedFixes(t, timeouts.Analyzer, "fixflags"))
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, testdata, timeouts.Analyzer, "broken")
}

// BenchmarkTimeouts runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkTimeouts(b *testing.B) { benchmark.Run(b, timeouts.Analyzer) }

// TestFixFlagValues checks that every duration flag rejects a value that
// is no timeout: a fix writing it would fix nothing.
func TestFixFlagValues(t *testing.T) {
	for _, name := range []string{"client-timeout", "read-header-timeout", "idle-timeout"} {
		f := timeouts.Analyzer.Flags.Lookup(name)
		if f == nil {
			t.Fatalf("no flag %s", name)
		}
		old := f.Value.String()
		for _, bad := range []string{"0s", "0", "-1s", "-2m"} {
			if err := f.Value.Set(bad); err == nil {
				t.Errorf("-timeouts.%s=%s accepted", name, bad)
			}
		}
		if got := f.Value.String(); got != old {
			t.Errorf("-timeouts.%s: rejected values changed it from %s to %s", name, old, got)
		}
	}
}

// TestStrict runs the shapes only strict mode reports (contract findings),
// with their fixes, beside a finding of both modes (cost).
func TestStrict(t *testing.T) {
	analyzertest.Strict(t)
	testdata.RunWithSuggestedFixes(t, analyzertest.Classed(timeouts.Analyzer), "strictmode")
}

// TestStrictDefault runs the strict mode's package in the default mode:
// only its cost finding is reported.
func TestStrictDefault(t *testing.T) {
	results := testdata.Analyze(t, timeouts.Analyzer, "strictmode")
	lines := make(map[int]bool)
	for _, act := range results {
		for _, d := range act.Diagnostics {
			lines[act.Package.Fset.Position(d.Pos).Line] = true
		}
	}
	if len(lines) != 1 || !lines[37] || len(analyzertest.Contract(results)) != 0 {
		t.Errorf("default mode: findings on lines %v, %d of class contract; want the one cost finding, on line 37", lines, len(analyzertest.Contract(results)))
	}
}

// TestStrictAddsContract: on the default mode's packages, strict mode
// keeps every finding and adds only contract ones.
func TestStrictAddsContract(t *testing.T) {
	analyzertest.StrictAddsContract(t, testdata, timeouts.Analyzer, "server", "loopback", "reach", "ctorlib", "idleconn", "testsoff")
}
