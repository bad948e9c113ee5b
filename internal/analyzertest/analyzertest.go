// Package analyzertest holds the test helpers every httpvet analyzer's
// tests share: setting an analyzer's flags or strict mode for one test,
// checking the class of findings, running an analyzer on code that does
// not type-check, and running it several times on packages loaded once,
// checking // want comments and golden files as analysistest does.
package analyzertest

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

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

// RunDespiteTypeErrors runs a on the packages pkgs of p, which do not
// type-check, and fails the test if the analyzer fails: an analyzer must
// never crash on broken code. It fails too if they type-check, for then
// nothing is tested.
func RunDespiteTypeErrors(t *testing.T, p *Packages, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	broken := false
	for _, act := range p.Analyze(t, a, pkgs...) {
		broken = broken || len(act.Package.Errors) > 0
	}
	if !broken {
		t.Errorf("%s type-check: want code with type errors", pkgs)
	}
}

// Classed returns a copy of a whose findings' messages start with their
// class and a colon ("cost: …", "contract: …"), so that // want
// expectations can say which class each finding is ("^contract: ").
func Classed(a *analysis.Analyzer) *analysis.Analyzer {
	c := *a
	return strict.WrapReports(&c, func(d analysis.Diagnostic) analysis.Diagnostic {
		d.Message = strict.Class(d.Category) + ": " + d.Message
		return d
	})
}

// Findings returns the findings of acts.
func Findings(acts []*checker.Action) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, act := range acts {
		out = append(out, act.Diagnostics...)
	}
	return out
}

// Contract returns the findings of acts of class contract.
func Contract(acts []*checker.Action) []analysis.Diagnostic {
	var out []analysis.Diagnostic
	for _, d := range Findings(acts) {
		if strict.IsContract(d.Category) {
			out = append(out, d)
		}
	}
	return out
}

// StrictAddsContract runs a on the packages pkgs of p in the default mode
// and in strict mode, and checks that strict mode only
// adds: every finding of the default mode is of class cost and is
// reported in strict mode too, at the same position and with the same
// class, and every finding strict mode adds is of class contract.
func StrictAddsContract(t *testing.T, p *Packages, a *analysis.Analyzer, pkgs ...string) {
	t.Helper()
	type key struct {
		pos      string
		contract bool
	}
	findings := func() map[key]string {
		out := make(map[key]string)
		for _, act := range p.Analyze(t, a, pkgs...) {
			for _, d := range act.Diagnostics {
				out[key{act.Package.Fset.Position(d.Pos).String(), strict.IsContract(d.Category)}] = d.Message
			}
		}
		return out
	}
	def := findings()
	old := strict.On()
	strict.Set(true)
	defer strict.Set(old)
	all := findings()
	for k, msg := range def {
		if k.contract {
			t.Errorf("%s: the default mode reports a contract finding: %s", k.pos, msg)
		} else if _, ok := all[k]; !ok {
			t.Errorf("%s: strict mode drops or reclassifies a finding of the default mode: %s", k.pos, msg)
		}
	}
	for k, msg := range all {
		if _, ok := def[k]; !ok && !k.contract {
			t.Errorf("%s: strict mode adds a finding of class cost: %s", k.pos, msg)
		}
	}
}
