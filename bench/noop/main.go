// Command noop is a vet tool with one analyzer that reports nothing: run
// under go vet it costs what loading and type-checking the packages cost,
// the floor the harness measures httpvet against.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"
)

var analyzer = &analysis.Analyzer{
	Name: "noop",
	Doc:  "noop reports nothing; it measures the cost of loading and type-checking",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { multichecker.Main(analyzer) }
