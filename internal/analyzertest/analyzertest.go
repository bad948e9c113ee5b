// Package analyzertest holds the test helpers every httpvet analyzer's
// tests share: setting an analyzer's flags or strict mode for one test, and running it on
// code that does not type-check.
package analyzertest

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/httpvet/httpvet/internal/strict"
)

// SetFlags sets flags of a (name, value, name, value, …) for the duration
// of the test, and restores them after it.
func SetFlags(t *testing.T, a *analysis.Analyzer, kv ...string) {
	t.Helper()
	for i := 0; i+1 < len(kv); i += 2 {
		f := a.Flags.Lookup(kv[i])
		if f == nil {
			t.Fatalf("%s has no flag %s", a.Name, kv[i])
		}
		old := f.Value.String()
		restore := func() { _ = f.Value.Set(old) }
		if d, ok := f.Value.(strict.Defaulted); ok && !d.Explicit() {
			restore = d.Reset // back to following the mode
		}
		if err := f.Value.Set(kv[i+1]); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(restore)
	}
}

// Strict turns strict mode on for the duration of the test.
func Strict(t *testing.T) {
	t.Helper()
	old := strict.On()
	strict.Set(true)
	t.Cleanup(func() { strict.Set(old) })
}

// Quiet wraps t so that the failures analysistest reports itself (type
// errors, unexpected diagnostics) are only logged, for tests that check
// the results themselves.
func Quiet(t *testing.T) analysistest.Testing { return quietT{t} }

type quietT struct{ *testing.T }

func (q quietT) Errorf(format string, args ...any) { q.Logf(format, args...) }

// RunDespiteTypeErrors runs a on the packages of testdata/src named pkgs,
// which do not type-check, and fails the test if the analyzer fails:
// an analyzer must never crash on broken code.
func RunDespiteTypeErrors(t *testing.T, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	for _, r := range analysistest.Run(Quiet(t), analysistest.TestData(), a, pkgs...) {
		if r.Err != nil {
			t.Errorf("analyzer failed on code with type errors: %v", r.Err)
		}
	}
}
