//go:build benchstat

// Package benchstat_test measures what an httpvet analyzer adds to a
// driver that already runs inspect.Analyzer on every package, as gopls and
// golangci-lint do for their other analyzers (printf among them, which
// has facts): the inspector is paid whether httpvet needs it or not.
// The file compiles unchanged against 644278d (analyzers on
// inspect.Analyzer) and main (analyzers on the engine), for benchstat;
// see README.md.
package benchstat_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/httpvet/httpvet/bodyclose"
	"github.com/httpvet/httpvet/deadlineconn"
	"github.com/httpvet/httpvet/getbody"
	"github.com/httpvet/httpvet/timeouts"
)

// otherAnalyzer stands for the driver's other analyzers: it requires
// inspect.Analyzer and has a fact type, so the inspector is built on
// every package, dependencies included.
var otherAnalyzer = &analysis.Analyzer{
	Name:      "other",
	Doc:       "requires inspect.Analyzer on every package, as a driver's other analyzers do",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

type noFact struct{}

func (*noFact) AFact() {}

// BenchmarkShared runs, over net/http and its dependencies, the other
// analyzers alone ("inspect") and with each httpvet analyzer, then with
// the four together ("inspect+four"), sharing what they require, as they
// do in a driver: the difference is what they cost such a driver. "four"
// is the four alone, the cost where nothing else builds the inspector.
func BenchmarkShared(b *testing.B) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax}, "net/http")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("cannot load net/http: %v", err)
	}
	cases := []struct {
		name string
		as   []*analysis.Analyzer
	}{
		{"inspect", []*analysis.Analyzer{otherAnalyzer}},
		{"inspect+bodyclose", []*analysis.Analyzer{otherAnalyzer, bodyclose.Analyzer}},
		{"inspect+timeouts", []*analysis.Analyzer{otherAnalyzer, timeouts.Analyzer}},
		{"inspect+getbody", []*analysis.Analyzer{otherAnalyzer, getbody.Analyzer}},
		{"inspect+deadlineconn", []*analysis.Analyzer{otherAnalyzer, deadlineconn.Analyzer}},
		{"inspect+four", []*analysis.Analyzer{otherAnalyzer, bodyclose.Analyzer, timeouts.Analyzer, getbody.Analyzer, deadlineconn.Analyzer}},
		{"four", []*analysis.Analyzer{bodyclose.Analyzer, timeouts.Analyzer, getbody.Analyzer, deadlineconn.Analyzer}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g, err := checker.Analyze(c.as, pkgs, &checker.Options{Sequential: true})
				if err != nil {
					b.Fatal(err)
				}
				for act := range g.All() {
					if act.Err != nil {
						b.Fatal(act.Err)
					}
				}
			}
		})
	}
}
