package engine_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/buildssa"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// withEngine asks what an analyzer asks: the functions that touch
// net/http, and the graph of each.
var withEngine = &analysis.Analyzer{
	Name:     "engine",
	Doc:      "the functions touching net/http and their graphs, from the engine",
	Requires: []*analysis.Analyzer{engine.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		idx := pass.ResultOf[engine.Analyzer].(*engine.Index)
		for _, fn := range idx.Touching(match.NetHTTP) {
			fn.CFG()
		}
		return nil, nil
	},
}

// withInspector does the same the way the analyzers do it today: the
// inspector over every file, the functions that mention net/http found by
// walking them, a graph each.
var withInspector = &analysis.Analyzer{
	Name:      "inspect",
	Doc:       "the functions touching net/http and their graphs, from inspect.Analyzer",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	FactTypes: []analysis.Fact{new(noFact)}, // runs on every dependency, as the engine does
	Run: func(pass *analysis.Pass) (any, error) {
		insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			_, body := match.Func(cur.Node())
			if body == nil {
				continue
			}
			touches := false
			ast.Inspect(body, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && !touches {
					if obj := pass.TypesInfo.ObjectOf(id); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == match.NetHTTP {
						touches = true
					}
				}
				return !touches
			})
			if touches {
				cfg.New(body, func(*ast.CallExpr) bool { return true })
			}
		}
		return nil, nil
	},
}

// inspectorOnly builds the inspector and does nothing with it: the floor
// every analyzer that requires inspect.Analyzer pays on every package.
var inspectorOnly = &analysis.Analyzer{
	Name:      "inspectoronly",
	Doc:       "inspect.Analyzer alone",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

type noFact struct{}

func (*noFact) AFact() {}

// withSSA builds what go/ssa would give instead of the engine: the SSA
// form of every function of every package (buildssa, which requires
// ctrlflow and its facts), as an analysis requiring it pays on every
// package go vet runs it on.
var withSSA = &analysis.Analyzer{
	Name:      "ssa",
	Doc:       "every function in SSA form, from buildssa",
	Requires:  []*analysis.Analyzer{buildssa.Analyzer},
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

// BenchmarkSSA compares the engine (the functions touching net/http and
// their graphs) with building SSA for every function, over net/http and
// its dependencies: the measurement behind the package doc's decision.
func BenchmarkSSA(b *testing.B) {
	benchmark.Each(b, withEngine, withSSA)
}

// BenchmarkEngine compares the engine with inspect.Analyzer over net/http
// and its dependencies (time and allocations; run with -benchmem and
// compare with benchstat).
func BenchmarkEngine(b *testing.B) {
	benchmark.Each(b, withEngine, withInspector, inspectorOnly)
}
