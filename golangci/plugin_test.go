package golangci

import (
	"flag"
	"go/token"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/bodyclose"
	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/reqctx"
)

// build creates the plugin from conf (given the way golangci-lint hands
// settings over: decoded YAML, keys lower-cased) and builds its analyzers.
func build(t *testing.T, newPlugin register.NewPlugin, conf any) []*analysis.Analyzer {
	t.Helper()
	p, err := newPlugin(conf)
	if err != nil {
		t.Fatalf("new plugin: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatalf("BuildAnalyzers: %v", err)
	}
	return as
}

func names(as []*analysis.Analyzer) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

func suiteNames(skip ...string) []string {
	var out []string
	for _, a := range analyzers.Suite {
		if !contains(skip, a.Name) {
			out = append(out, a.Name)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("httpvet")
	if err != nil {
		t.Fatal(err)
	}
	if got := names(build(t, newPlugin, nil)); !reflect.DeepEqual(got, suiteNames()) {
		t.Errorf("analyzers = %v, want the suite %v", got, suiteNames())
	}
}

func TestSelection(t *testing.T) {
	for _, tc := range []struct {
		name string
		conf any
		want []string
	}{
		{"nil", nil, suiteNames()},
		{"empty", map[string]any{}, suiteNames()},
		{"disable", map[string]any{"disable": []any{"getbody"}}, suiteNames("getbody")},
		{"disable any case", map[string]any{"disable": []any{"GetBody"}}, suiteNames("getbody")},
		{"enable", map[string]any{"enable": []any{"getbody"}}, []string{"getbody"}},
		{"enable then disable", map[string]any{"enable": []any{"getbody"}, "disable": []any{"getbody"}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := names(build(t, New, tc.conf)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("analyzers = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		conf any
		want string
	}{
		{"unknown key", map[string]any{"disabled": []any{"getbody"}}, "unknown field"},
		{"not a list", map[string]any{"disable": "getbody"}, "decoding settings"},
		{"unknown analyzer", map[string]any{"disable": []any{"nosuch"}}, `unknown analyzer "nosuch"`},
		{"unknown enabled", map[string]any{"enable": []any{"nosuch"}}, `unknown analyzer "nosuch"`},
		{"unknown analyzer settings", map[string]any{"settings": map[string]any{"nosuch": map[string]any{"x": 1}}}, `unknown analyzer "nosuch"`},
		{"flag of a flagless analyzer", map[string]any{"settings": map[string]any{"getbody": map[string]any{"x": 1}}}, `getbody has no setting "x"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.conf)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("New(%v) error = %v, want one containing %q", tc.conf, err, tc.want)
			}
		})
	}
}

// flagAnalyzer is a test-only analyzer with one flag of each common type.
func flagAnalyzer() (*analysis.Analyzer, *flagConfig) {
	a := &analysis.Analyzer{Name: "flagtest", Doc: "test", Run: func(*analysis.Pass) (any, error) { return nil, nil }}
	c := &flagConfig{}
	a.Flags.BoolVar(&c.tests, "tests", false, "")
	a.Flags.DurationVar(&c.timeout, "client-timeout", 30*time.Second, "")
	a.Flags.IntVar(&c.count, "max-count", 1, "")
	a.Flags.Float64Var(&c.ratio, "ratio", 0.5, "")
	a.Flags.StringVar(&c.names, "names", "", "")
	return a, c
}

type flagConfig struct {
	tests   bool
	timeout time.Duration
	count   int
	ratio   float64
	names   string
}

func TestFlagSettings(t *testing.T) {
	a, c := flagAnalyzer()
	other := &analysis.Analyzer{Name: "other", Doc: "test", Run: a.Run}
	// As golangci-lint passes them: keys lower-cased, YAML scalars typed.
	conf := map[string]any{
		"settings": map[string]any{
			"FlagTest": map[string]any{ // analyzer names match in any case
				"client-timeout": "10s",
				"tests":          true,
				"max_count":      3, // '_' matches '-'
				"ratio":          0.25,
				"names":          []any{"a", "b"},
			},
		},
	}
	as := build(t, NewFor([]*analysis.Analyzer{a, other}), conf)
	if got := names(as); !reflect.DeepEqual(got, []string{"flagtest", "other"}) {
		t.Errorf("analyzers = %v", got)
	}
	want := flagConfig{tests: true, timeout: 10 * time.Second, count: 3, ratio: 0.25, names: "a,b"}
	if *c != want {
		t.Errorf("flags = %+v, want %+v", *c, want)
	}
}

func TestInvalidFlagValueChangesNothing(t *testing.T) {
	for _, tc := range []struct {
		key   string
		value any
	}{
		{"client-timeout", "ten seconds"},
		{"tests", "maybe"},
		{"max-count", 1.5},
		{"ratio", "half"},
		{"names", map[string]any{"a": 1}},
		{"names", nil},
		{"nosuch", 1},
	} {
		a, c := flagAnalyzer()
		conf := map[string]any{"settings": map[string]any{"flagtest": map[string]any{
			"tests": true, // valid, but must not be applied either
			tc.key:  tc.value,
		}}}
		if _, err := NewFor([]*analysis.Analyzer{a})(conf); err == nil {
			t.Errorf("%s: %v: no error", tc.key, tc.value)
		}
		if c.tests || c.timeout != 30*time.Second {
			t.Errorf("%s: %v: flags changed by an invalid configuration: %+v", tc.key, tc.value, *c)
		}
	}
}

// TestSuiteFlags sets every flag of every suite analyzer, by its upper-cased
// name, to its current value: each one is reachable through the settings.
func TestSuiteFlags(t *testing.T) {
	settings := map[string]any{}
	n := 0
	for _, a := range analyzers.Suite {
		values := map[string]any{}
		a.Flags.VisitAll(func(f *flag.Flag) {
			values[strings.ToUpper(f.Name)] = f.Value.String()
			n++
		})
		if len(values) > 0 {
			settings[strings.ToUpper(a.Name)] = values
		}
	}
	before := flagValues()
	build(t, New, map[string]any{"settings": settings})
	if after := flagValues(); !reflect.DeepEqual(before, after) {
		t.Errorf("flag values changed: %v, then %v", before, after)
	}
	t.Logf("%d flags in the suite", n)
}

func flagValues() map[string]string {
	m := map[string]string{}
	for _, a := range analyzers.Suite {
		a.Flags.VisitAll(func(f *flag.Flag) { m[a.Name+"."+f.Name] = f.Value.String() })
	}
	return m
}

func TestFirstFixOnly(t *testing.T) {
	fix := func(msg string) analysis.SuggestedFix {
		return analysis.SuggestedFix{Message: msg, TextEdits: []analysis.TextEdit{{Pos: 1, End: 2}}}
	}
	a := &analysis.Analyzer{
		Name: "twofixes",
		Doc:  "test",
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{Pos: 1, Message: "two", SuggestedFixes: []analysis.SuggestedFix{fix("first"), fix("second")}})
			pass.Reportf(token.Pos(2), "none")
			pass.Report(analysis.Diagnostic{Pos: 3, Message: "choose", Category: fixes.ChooseFix, SuggestedFixes: []analysis.SuggestedFix{fix("post"), fix("drop")}})
			return "result", nil
		},
	}
	wrapped := build(t, NewFor([]*analysis.Analyzer{a}), nil)[0]
	if wrapped.Name != a.Name {
		t.Errorf("name = %q", wrapped.Name)
	}
	var got []analysis.Diagnostic
	pass := &analysis.Pass{Analyzer: wrapped, Report: func(d analysis.Diagnostic) { got = append(got, d) }}
	res, err := wrapped.Run(pass)
	if res != "result" || err != nil {
		t.Errorf("Run = %v, %v", res, err)
	}
	if len(got) != 3 || len(got[0].SuggestedFixes) != 1 || got[0].SuggestedFixes[0].Message != "first" || len(got[1].SuggestedFixes) != 0 {
		t.Errorf("diagnostics = %+v, want the first fix only", got)
	}
	// Alternatives for the author: --fix must apply none of them.
	if len(got) == 3 && len(got[2].SuggestedFixes) != 0 {
		t.Errorf("choose-fix diagnostic kept %d fixes, want none", len(got[2].SuggestedFixes))
	}
}

// resetStrict turns strict mode off and returns every flag that follows
// it to doing so, now and after the test: other tests set flags
// explicitly.
func resetStrict(t *testing.T) {
	reset := func() {
		strict.Set(false)
		for _, a := range analyzers.Suite {
			a.Flags.VisitAll(func(f *flag.Flag) {
				if d, ok := f.Value.(strict.Defaulted); ok {
					d.Reset()
				}
			})
		}
	}
	reset()
	t.Cleanup(reset)
}

// TestStrict: strict: true is -strict; a flag in the settings wins over
// it; contract findings carry the text marker and keep no alternative
// fixes.
func TestStrict(t *testing.T) {
	resetStrict(t)
	get := func(a *analysis.Analyzer, name string) any {
		return a.Flags.Lookup(name).Value.(flag.Getter).Get()
	}
	build(t, New, map[string]any{"strict": true, "settings": map[string]any{"reqctx": map[string]any{"all": false}}})
	if !strict.On() {
		t.Errorf("strict: true left strict mode off")
	}
	if got := get(reqctx.Analyzer, "all"); got != false {
		t.Errorf("reqctx.all = %v under strict with all: false set, want false", got)
	}
	if got := get(bodyclose.Analyzer, "tests"); got != true {
		t.Errorf("bodyclose.tests = %v under strict, want true", got)
	}

	fix := analysis.SuggestedFix{Message: "fix"}
	a := &analysis.Analyzer{
		Name: "fakestrict",
		Doc:  "fake",
		Run: func(pass *analysis.Pass) (any, error) {
			pass.Report(analysis.Diagnostic{Pos: 1, Message: "cost"})
			pass.Report(strict.Mark(analysis.Diagnostic{Pos: 2, Message: "contract"}))
			pass.Report(strict.Mark(analysis.Diagnostic{Pos: 3, Message: "choose", Category: fixes.ChooseFix, SuggestedFixes: []analysis.SuggestedFix{fix, fix}}))
			return nil, nil
		},
	}
	wrapped := build(t, NewFor([]*analysis.Analyzer{a}), map[string]any{"strict": true})[0]
	var got []analysis.Diagnostic
	if _, err := wrapped.Run(&analysis.Pass{Analyzer: wrapped, Report: func(d analysis.Diagnostic) { got = append(got, d) }}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Message != "cost" || got[1].Message != "contract [contract]" || got[2].Message != "choose [contract]" || len(got[2].SuggestedFixes) != 0 {
		t.Errorf("diagnostics = %+v, want the marker on the contract ones and no fix on the choose-fix one", got)
	}
}
