// Package benchmark runs an analyzer over real packages for testing.B
// benchmarks: net/http and every package it depends on, as go vet does
// (facts on every dependency, diagnostics on all of them here), next to a
// baseline that runs only what every httpvet analyzer requires, so that
// benchstat shows an analyzer's own cost.
package benchmark

import (
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/suppress"
)

var (
	loadOnce sync.Once
	loaded   []*packages.Package
	loadErr  string
)

// load loads the benchmark's packages once per test binary.
func load() ([]*packages.Package, string) {
	loadOnce.Do(func() {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax}, "net/http")
		switch {
		case err != nil:
			loadErr = err.Error()
		case packages.PrintErrors(pkgs) > 0:
			loadErr = "net/http has errors"
		default:
			loaded = pkgs
		}
	})
	return loaded, loadErr
}

// baseline requires what every httpvet analyzer requires (the engine,
// with its no-return facts, and the suppression index) and declares a
// fact type, so that, like them, it runs on every dependency; it does
// nothing else.
var baseline = &analysis.Analyzer{
	Name:      "baseline",
	Doc:       "baseline does what every httpvet analyzer must do, and nothing else",
	Requires:  []*analysis.Analyzer{engine.Analyzer, suppress.Analyzer},
	FactTypes: []analysis.Fact{new(noFact)},
	Run: func(pass *analysis.Pass) (any, error) {
		suppress.ReportMalformed(pass)
		return nil, nil
	},
}

type noFact struct{}

func (*noFact) AFact() {}

// Run benchmarks a (sub-benchmark "analyzer") and the baseline
// (sub-benchmark "baseline": the engine and the suppression index on
// every package) over net/http and its dependencies, loaded once.
func Run(b *testing.B, a *analysis.Analyzer) {
	run(b, []named{{"analyzer", a}, {"baseline", baseline}})
}

// Each benchmarks each analyzer (a sub-benchmark named after it) over
// net/http and its dependencies, loaded once, reporting allocations: to
// compare what analyzers require, such as the engine and suppress.
func Each(b *testing.B, as ...*analysis.Analyzer) {
	var list []named
	for _, a := range as {
		list = append(list, named{a.Name, a})
	}
	b.ReportAllocs()
	run(b, list)
}

type named struct {
	name string
	a    *analysis.Analyzer
}

func run(b *testing.B, list []named) {
	pkgs, errMsg := load()
	if pkgs == nil {
		b.Skipf("cannot load net/http: %s", errMsg)
	}
	for _, bc := range list {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g, err := checker.Analyze([]*analysis.Analyzer{bc.a}, pkgs, &checker.Options{Sequential: true})
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
