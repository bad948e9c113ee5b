package bodyclose

// The analyzer, its flags (-drain, -drain-limit, -tests) and its run:
// the package's facts first (facts.go), then every source of a response
// (sources.go), checked one by one (check.go).

import (
	_ "embed"
	"flag"
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports HTTP response bodies that are not closed on every
// path, and bodies closed without being read.
var Analyzer = &analysis.Analyzer{
	Name:      "bodyclose",
	Doc:       docs.Extract(doc, "bodyclose"),
	URL:       "https://github.com/httpvet/httpvet/blob/main/docs/bodyclose.md",
	Requires:  []*analysis.Analyzer{engine.Analyzer, suppress.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(paramsFact), new(closedResult), new(freshTransport)},
	Flags:     flags(),
	// Runs on code with type errors too (gopls does so): it must not crash.
	RunDespiteErrors: true,
}

// config is bound to Analyzer.Flags. drain and tests follow strict mode
// unless set explicitly.
var config struct {
	drain      drainFlag
	drainLimit int64
	tests      *strict.Bool
}

// drainMode says which bodies closed unread are reported.
type drainMode int

const (
	drainOff    drainMode = iota // -drain=false
	drainRepeat                  // -drain=true: only where the lost reuse repeats
	drainAll                     // -drain=all: every unread path
)

func (m *drainMode) String() string {
	if m == nil {
		return "true"
	}
	switch *m {
	case drainOff:
		return "false"
	case drainAll:
		return "all"
	}
	return "true"
}

func (m *drainMode) Set(s string) error {
	switch strings.ToLower(s) {
	case "false", "0", "off", "f":
		*m = drainOff
	case "true", "1", "on", "t":
		*m = drainRepeat
	case "all", "strict":
		*m = drainAll
	default:
		return fmt.Errorf("want true, false or all, not %q", s)
	}
	return nil
}

// drainFlag is -bodyclose.drain: the mode it was set to, or else
// drainRepeat, drainAll in strict mode (a strict.Defaulted).
type drainFlag struct {
	mode drainMode
	set  bool
}

// effective returns the drain mode the analysis uses.
func (f *drainFlag) effective() drainMode {
	switch {
	case f.set:
		return f.mode
	case strict.On():
		return drainAll
	}
	return drainRepeat
}

func (f *drainFlag) String() string {
	if f == nil || !f.set {
		return "true"
	}
	return f.mode.String()
}

func (f *drainFlag) Set(s string) error {
	if err := f.mode.Set(s); err != nil {
		return err
	}
	f.set = true
	return nil
}

func (f *drainFlag) Explicit() bool { return f.set }
func (f *drainFlag) Reset()         { f.set = false }

// Get makes drainFlag a flag.Getter. It is not a bool flag (no
// IsBoolFlag): go vet registers bool flags of a vet tool as bools, which
// would refuse -bodyclose.drain=all.
func (f *drainFlag) Get() any { return f.String() }

func flags() flag.FlagSet {
	var fs flag.FlagSet
	config.tests = strict.NewBool(false)
	fs.Var(&config.drain, "drain",
		"report bodies closed without being read: true reports it where the lost connection reuse repeats (a loop, a later request, a GET success path), all on every unread path, false never")
	fs.Int64Var(&config.drainLimit, "drain-limit", 64<<10,
		"bytes the suggested drain reads at most before closing: io.Copy(io.Discard, io.LimitReader(resp.Body, N))")
	fs.Var(config.tests, "tests",
		"also check test code: _test.go files, files that import testing or net/http/httptest, test support packages (leaks in tests are real but cost little)")
	return fs
}

func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	idx := pass.ResultOf[engine.Analyzer].(*engine.Index)
	if !idx.Reaches(match.NetHTTP) {
		return nil, nil // no *http.Response can appear in this package
	}
	c := newChecker(pass, idx)
	if c.tests {
		strict.MarkTestCode(pass, c.inTestFile)
	}
	c.exportFacts()
	for _, s := range c.sources() {
		c.checkSource(c.function(s.fn), s.parent, s.call, s.idx)
	}
	return nil, nil
}

func (c *checker) inTestFile(pos token.Pos) bool { return c.idx.InTestCode(pos) }
