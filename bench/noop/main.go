// Command noop is a vet tool with one analyzer that reports nothing: run
// under go vet it costs what loading and type-checking the packages cost,
// the floor the harness measures httpvet against.
//
// Built with -ldflags=-X=main.withFact=yes, its analyzer declares a fact
// type (and exports none): go vet then runs it on every dependency too,
// to compute facts, as it runs httpvet. That is the floor any suite that
// carries facts across packages pays (the harness's -floors).
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

// withFact, set at link time, makes the analyzer declare a fact type.
var withFact string

var analyzer = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop reports nothing; it measures the cost of loading and type-checking",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

// noFact is the fact type of the fact-carrying build; none is exported.
type noFact struct{}

func (*noFact) AFact() {}

func main() {
	if withFact != "" {
		analyzer.FactTypes = []analysis.Fact{new(noFact)}
	}
	multichecker.Main(analyzer)
}
