package timeouts_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/internal/fixes/fixtest"
	"github.com/httpvet/httpvet/timeouts"
)

func TestServer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "server")
}

func TestClient(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "client")
}

// TestZeroClient: a Client field nothing gives a Timeout, and the fields
// that are given one or may be set out of view.
func TestZeroClient(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "zeroclient")
}

// TestSemantics: explicit zeros, reassigned variables.
func TestSemantics(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "semantics")
}

// TestLoopback: servers no slow client can reach are not reported.
func TestLoopback(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "loopback")
}

// TestShapes: servers in slices and maps, constructors, reverse proxies,
// polling clients.
func TestShapes(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "shapes")
}

// TestConstructorFacts: a constructor's callers in another package.
func TestConstructorFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "ctorlib", "ctoruse")
}

func TestTransport(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "transport")
}

// TestIdleConn: with -timeouts.idle-conn, a Transport whose only missing
// timeout is IdleConnTimeout is reported too.
func TestIdleConn(t *testing.T) {
	analyzertest.SetFlags(t, timeouts.Analyzer, "idle-conn", "true")
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "idleconn")
}

func TestFixes(t *testing.T) {
	results := analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), timeouts.Analyzer, "fix", "listenfix")
	if n := fixtest.Gofmt(t, results); n < 8 {
		t.Errorf("checked %d fixes for gofmt, want at least 8", n)
	}
}

// TestTransportFix checks the Transport fixes, and that each leaves its
// file gofmt-clean as it is applied (gopls applies edits as they are).
func TestTransportFix(t *testing.T) {
	results := analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), timeouts.Analyzer, "transportfix")
	if n := fixtest.Gofmt(t, results); n < 6 {
		t.Errorf("checked %d fixes for gofmt, want 6", n)
	}
}

func TestFlagsOff(t *testing.T) {
	analyzertest.SetFlags(t, timeouts.Analyzer, "server", "false", "client", "false", "default-client", "false", "transport", "false", "listen", "false")
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "flagsoff")
}

// TestFlagsOneByOne checks that each flag turns off its kind alone.
func TestFlagsOneByOne(t *testing.T) {
	for _, tc := range []struct {
		flag string
		want int
	}{{"server", 6}, {"client", 6}, {"default-client", 5}, {"transport", 5}, {"listen", 6}} {
		t.Run(tc.flag, func(t *testing.T) {
			analyzertest.SetFlags(t, timeouts.Analyzer, tc.flag, "false")
			n := 0
			for _, r := range analysistest.Run(analyzertest.Quiet(t), analysistest.TestData(), timeouts.Analyzer, "flagsoff") {
				n += len(r.Diagnostics)
			}
			if n != tc.want {
				t.Errorf("-%s=false: %d diagnostics, want %d", tc.flag, n, tc.want)
			}
		})
	}
}

func TestTestFiles(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "testsoff", "widgettest", "promtestutil", "latest")
	analyzertest.SetFlags(t, timeouts.Analyzer, "tests", "true")
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "testson")
}

func TestFixFlags(t *testing.T) {
	analyzertest.SetFlags(t, timeouts.Analyzer, "client-timeout", "5s", "read-header-timeout", "3s", "idle-timeout", "1.5s")
	fixtest.Gofmt(t, analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), timeouts.Analyzer, "fixflags"))
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, timeouts.Analyzer, "broken")
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

// TestReach: servers whose address or listener is followed through
// variables, fields, parameters and flag defaults; listeners made
// elsewhere are not reported.
func TestReach(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "reach")
}

// TestStream: responses consumed as streams or downloads are not
// reported; bodies read whole are.
func TestStream(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "stream")
}

// TestDecls: declarations without an identifier of net/http are walked
// when they hold its values (a literal of another package's named slice
// type) or call a function of the package (a listen address).
func TestDecls(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), timeouts.Analyzer, "decls")
}

// TestStrict runs the shapes only strict mode reports (contract findings),
// with their fixes, beside a finding of both modes (cost).
func TestStrict(t *testing.T) {
	analyzertest.Strict(t)
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), analyzertest.Classed(timeouts.Analyzer), "strictmode")
}

// TestStrictDefault runs the strict mode's package in the default mode:
// only its cost finding is reported.
func TestStrictDefault(t *testing.T) {
	results := analysistest.Run(analyzertest.Quiet(t), analysistest.TestData(), timeouts.Analyzer, "strictmode")
	lines := make(map[int]bool)
	for _, r := range results {
		for _, d := range r.Diagnostics {
			lines[r.Pass.Fset.Position(d.Pos).Line] = true
		}
	}
	if len(lines) != 1 || !lines[37] || len(analyzertest.Contract(results)) != 0 {
		t.Errorf("default mode: findings on lines %v, %d of class contract; want the one cost finding, on line 37", lines, len(analyzertest.Contract(results)))
	}
}

// TestStrictAddsContract: on the default mode's packages, strict mode
// keeps every finding and adds only contract ones.
func TestStrictAddsContract(t *testing.T) {
	analyzertest.StrictAddsContract(t, timeouts.Analyzer, "server", "loopback", "reach", "ctorlib", "idleconn", "testsoff")
}
