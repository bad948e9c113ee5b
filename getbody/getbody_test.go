package getbody_test

import (
	"strings"
	"testing"

	"github.com/httpvet/httpvet/getbody"
	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/strict"
)

// testdata holds the packages of testdata/src the tests below analyze,
// loaded once: net/http and the standard library under it are
// type-checked once per test binary, whatever the flags of each run.
var testdata = analyzertest.Load(
	"a", "ignore", "wrap", "usewrap", "buffers", "marshal", "usemarshal", "skiptests",
	"teston", "fix", "fixwrap", "fixnobody", "broken",
)

// TestAnalyzer checks the // want comments of the packages that hold with
// the default flags, loaded together (net/http once); skiptests checks
// that _test.go files are left out by default.
func TestAnalyzer(t *testing.T) {
	testdata.Run(t, getbody.Analyzer, "a", "ignore", "wrap", "usewrap", "buffers", "marshal", "usemarshal", "skiptests")
}

// TestTests checks that _test.go files are analyzed with -tests.
func TestTests(t *testing.T) {
	if err := getbody.Analyzer.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	defer getbody.Analyzer.Flags.Set("tests", "false")
	testdata.Run(t, getbody.Analyzer, "teston")
}

func TestFixes(t *testing.T) {
	testdata.RunWithSuggestedFixes(t, getbody.Analyzer, "fix", "fixwrap", "fixnobody")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must neither crash nor report anything it cannot stand behind.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, testdata, getbody.Analyzer, "broken")
}

// BenchmarkGetbody runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkGetbody(b *testing.B) { benchmark.Run(b, getbody.Analyzer) }

// TestDefaultFix checks which fix -fix may apply (fixes.DefaultFix): the
// one that keeps the request's intent, sending no payload where the
// payload carried nothing ({}), and none where the body carries data:
// then using POST and dropping the data are alternatives for the author
// (fixes.ChooseFix), and changing the method is never applied by default.
// (The // want comments of fixnobody and fix are checked in TestFixes.)
func TestDefaultFix(t *testing.T) {
	n := 0
	for _, act := range testdata.Analyze(t, getbody.Analyzer, "fixnobody", "fix") {
		for _, d := range act.Diagnostics {
			n++
			fix, ok := fixes.DefaultFix(d)
			empty := strings.Contains(d.Message, "encodes as {}")
			switch {
			case empty && (!ok || !strings.HasPrefix(fix.Message, "Pass no payload (nil)")):
				t.Errorf("%s: default fix = %q, %v; want the nil payload", d.Message, fix.Message, ok)
			case !empty && ok:
				t.Errorf("%s: default fix %q; want none (category %q)", d.Message, fix.Message, d.Category)
			case !empty && len(d.SuggestedFixes) == 0:
				t.Errorf("%s: no fix; want the alternatives for editors", d.Message)
			}
			for i, f := range d.SuggestedFixes {
				if i == 0 && ok && strings.HasPrefix(f.Message, "Use http.MethodPost") {
					t.Errorf("%s: changing the method is the default fix", d.Message)
				}
			}
		}
	}
	if n < 6 {
		t.Errorf("checked %d diagnostics, want at least 6", n)
	}
}

// TestStrict: strict mode leaves -tests off; with -tests set, the findings
// in test code are of class contract, and those whose fixes are
// alternatives keep the choose-fix category beside the class.
func TestStrict(t *testing.T) {
	analyzertest.Strict(t)
	// The default mode's expectations hold: test code is left out.
	testdata.Run(t, getbody.Analyzer, "skiptests")
	analyzertest.SetFlags(t, getbody.Analyzer, "tests", "true")
	results := testdata.Run(t, getbody.Analyzer, "teston")
	n, chooses := 0, 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			if !strict.IsContract(d.Category) {
				t.Errorf("%s: category %q, want contract", r.Pass.Fset.Position(d.Pos), d.Category)
			}
			if fixes.Chooses(d.Category) {
				chooses++
			}
		}
	}
	if n == 0 || chooses == 0 {
		t.Errorf("%d findings in test code with -tests, %d with alternative fixes (contract/choose-fix); want some of each", n, chooses)
	}
}
