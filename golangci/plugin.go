// Package golangci registers the httpvet suite as a golangci-lint v2 module
// plugin named "httpvet".
//
// Build a golangci-lint binary that blank-imports this package (with
// `golangci-lint custom` and a .custom-gcl.yml, or offline with
// integration/build.sh), then enable the linter in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable:
//	    - httpvet
//	  settings:
//	    custom:
//	      httpvet:
//	        type: module
//	        description: net/http mistakes
//	        settings:
//	          disable: [getbody]            # or enable: [getbody, ...] to run only those
//	          strict: true                  # the contract findings too (-strict)
//	          settings:                     # each analyzer's flags, by flag name
//	            timeouts:
//	              client-timeout: 10s
//
// Analyzer names and flag names match case-insensitively (golangci-lint
// lowercases every key) and '_' matches '-'. Unknown analyzers, unknown
// flags and invalid values are configuration errors.
//
// golangci-lint's --fix applies the edits of every suggested fix of a
// diagnostic, but httpvet's alternatives are meant to be chosen from, so the
// plugin keeps only the first (preferred) fix of each diagnostic, as
// `httpvet -fix` and `go vet -fix` do, and none where the fixes are
// alternatives that change what the program does (fixes.ChooseFix: the
// author chooses).
//
// This is the only httpvet package with an init function; the analyzer
// packages do not depend on golangci-lint.
package golangci

import (
	"flag"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/strict"
)

// Name is the plugin's name: the key under linters.settings.custom and the
// linter name in golangci-lint's output.
const Name = "httpvet"

func init() {
	register.Plugin(Name, New)
}

// Settings is the plugin's configuration, decoded from
// linters.settings.custom.httpvet.settings.
type Settings struct {
	// Enable, when not empty, runs only the named analyzers.
	Enable []string `json:"enable"`
	// Disable turns the named analyzers off.
	Disable []string `json:"disable"`
	// Settings sets flags: analyzer name → flag name → value.
	// Values are strings, booleans, numbers, or lists (joined with commas).
	Settings map[string]map[string]any `json:"settings"`
	// Strict is -strict: every analyzer reports the contract findings
	// too; an analyzer flag set in Settings wins over it.
	Strict bool `json:"strict"`
}

// New is the plugin constructor registered with golangci-lint: it runs
// [analyzers.Suite].
func New(conf any) (register.LinterPlugin, error) {
	return NewFor(analyzers.Suite)(conf)
}

// NewFor returns a plugin constructor for the given analyzers, configured
// the same way as the httpvet suite. It exists for tests.
func NewFor(suite []*analysis.Analyzer) register.NewPlugin {
	return func(conf any) (register.LinterPlugin, error) {
		s, err := register.DecodeSettings[Settings](conf)
		if err != nil {
			return nil, fmt.Errorf("httpvet: %w", err)
		}
		p := &plugin{suite: suite, settings: s}
		if _, err := p.selected(); err != nil {
			return nil, err
		}
		if err := p.checkFlags(); err != nil {
			return nil, err
		}
		return p, nil
	}
}

type plugin struct {
	suite    []*analysis.Analyzer
	settings Settings
}

// GetLoadMode reports that httpvet needs type information.
func (*plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// BuildAnalyzers sets the configured flags and returns the selected
// analyzers, each keeping only the first suggested fix of a diagnostic.
func (p *plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	strict.Set(p.settings.Strict)
	if err := p.applyFlags(); err != nil {
		return nil, err
	}
	sel, err := p.selected()
	if err != nil {
		return nil, err
	}
	out := make([]*analysis.Analyzer, len(sel))
	for i, a := range sel {
		out[i] = firstFixOnly(a)
	}
	return out, nil
}

// normalize maps a configuration key onto the form of analyzer and flag
// names: lower case, '-' for '_'.
func normalize(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "_", "-")
}

func (p *plugin) lookup(name string) *analysis.Analyzer {
	for _, a := range p.suite {
		if normalize(a.Name) == normalize(name) {
			return a
		}
	}
	return nil
}

func (p *plugin) unknown(name string) error {
	names := make([]string, len(p.suite))
	for i, a := range p.suite {
		names[i] = a.Name
	}
	return fmt.Errorf("httpvet: unknown analyzer %q (known: %s)", name, strings.Join(names, ", "))
}

// selected returns the analyzers that enable and disable leave, in suite
// order.
func (p *plugin) selected() ([]*analysis.Analyzer, error) {
	keep := make(map[*analysis.Analyzer]bool)
	if len(p.settings.Enable) == 0 {
		for _, a := range p.suite {
			keep[a] = true
		}
	}
	for _, name := range p.settings.Enable {
		a := p.lookup(name)
		if a == nil {
			return nil, p.unknown(name)
		}
		keep[a] = true
	}
	for _, name := range p.settings.Disable {
		a := p.lookup(name)
		if a == nil {
			return nil, p.unknown(name)
		}
		delete(keep, a)
	}
	var out []*analysis.Analyzer
	for _, a := range p.suite {
		if keep[a] {
			out = append(out, a)
		}
	}
	return out, nil
}

// setting is one flag assignment.
type setting struct {
	analyzer *analysis.Analyzer
	flag     *flag.Flag
	value    string
}

// flagSettings resolves the Settings map onto flags, in a deterministic
// order.
func (p *plugin) flagSettings() ([]setting, error) {
	var out []setting
	anames := make([]string, 0, len(p.settings.Settings))
	for name := range p.settings.Settings {
		anames = append(anames, name)
	}
	sort.Strings(anames)
	for _, aname := range anames {
		a := p.lookup(aname)
		if a == nil {
			return nil, p.unknown(aname)
		}
		values := p.settings.Settings[aname]
		keys := make([]string, 0, len(values))
		for k := range values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, key := range keys {
			var f *flag.Flag
			a.Flags.VisitAll(func(g *flag.Flag) {
				if normalize(g.Name) == normalize(key) {
					f = g
				}
			})
			if f == nil {
				var known []string
				a.Flags.VisitAll(func(g *flag.Flag) { known = append(known, g.Name) })
				if len(known) == 0 {
					return nil, fmt.Errorf("httpvet: analyzer %s has no setting %q (it has no flags)", a.Name, key)
				}
				return nil, fmt.Errorf("httpvet: analyzer %s has no setting %q (known: %s)", a.Name, key, strings.Join(known, ", "))
			}
			v, err := flagValue(values[key])
			if err != nil {
				return nil, fmt.Errorf("httpvet: %s.%s: %v", a.Name, f.Name, err)
			}
			out = append(out, setting{a, f, v})
		}
	}
	return out, nil
}

// checkFlags validates every setting without changing any flag: it parses
// each value into a fresh value of the flag's type where it can.
func (p *plugin) checkFlags() error {
	settings, err := p.flagSettings()
	if err != nil {
		return err
	}
	for _, s := range settings {
		if err := checkValue(s.flag, s.value); err != nil {
			return fmt.Errorf("httpvet: %s.%s: invalid value %q: %v", s.analyzer.Name, s.flag.Name, s.value, err)
		}
	}
	return nil
}

// applyFlags sets the configured flags.
func (p *plugin) applyFlags() error {
	settings, err := p.flagSettings()
	if err != nil {
		return err
	}
	for _, s := range settings {
		if err := s.analyzer.Flags.Set(s.flag.Name, s.value); err != nil {
			return fmt.Errorf("httpvet: %s.%s: invalid value %q: %v", s.analyzer.Name, s.flag.Name, s.value, err)
		}
	}
	return nil
}

// checkValue reports whether v parses for f, for the standard flag types;
// other types are checked when the flag is set.
func checkValue(f *flag.Flag, v string) error {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return nil
	}
	var err error
	switch g.Get().(type) {
	case bool:
		_, err = strconv.ParseBool(v)
	case int:
		_, err = strconv.ParseInt(v, 0, strconv.IntSize)
	case int64:
		_, err = strconv.ParseInt(v, 0, 64)
	case uint:
		_, err = strconv.ParseUint(v, 0, strconv.IntSize)
	case uint64:
		_, err = strconv.ParseUint(v, 0, 64)
	case float64:
		_, err = strconv.ParseFloat(v, 64)
	case time.Duration:
		_, err = time.ParseDuration(v)
	}
	return err
}

// flagValue renders a decoded YAML/JSON value as a flag argument.
func flagValue(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case bool:
		return strconv.FormatBool(v), nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			s, err := flagValue(e)
			if err != nil {
				return "", err
			}
			if _, nested := e.([]any); nested {
				return "", fmt.Errorf("nested list")
			}
			parts[i] = s
		}
		return strings.Join(parts, ","), nil
	case nil:
		return "", fmt.Errorf("no value")
	default:
		return "", fmt.Errorf("unsupported value of type %T", v)
	}
}

// firstFixOnly makes a's diagnostics keep only their first suggested fix,
// and the message of a contract finding end with strict.Marker, once, and
// returns a. golangci-lint applies the edits of all the fixes of
// a diagnostic at once, while httpvet's fixes are alternatives. A
// diagnostic whose fixes are alternatives for the author to choose
// (fixes.ChooseFix) keeps none: --fix must not pick one. It changes a in
// place, as the vet tool does: a copy would stand beside the original that
// other analyzers require (timeouts reads reqctx's result under
// reqctx.Analyzer), and golangci-lint refuses two analyzers with one fact
// type.
func firstFixOnly(a *analysis.Analyzer) *analysis.Analyzer {
	wrapMu.Lock()
	defer wrapMu.Unlock()
	if !wrapped[a] {
		fixes.DefaultFixOnly(a)
		strict.MarkText(a) // golangci-lint shows the message alone
		wrapped[a] = true
	}
	return a
}

var (
	wrapMu  sync.Mutex
	wrapped = make(map[*analysis.Analyzer]bool)
)
