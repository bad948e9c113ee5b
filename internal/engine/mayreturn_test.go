package engine

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/httpvet/httpvet/internal/match"
)

// exitByName is the call predicate of the syntax cases: calls of panic
// and exit never return.
func exitByName(call *ast.CallExpr) bool {
	id, ok := call.Fun.(*ast.Ident)
	return !ok || (id.Name != "panic" && id.Name != "exit")
}

// TestSyntaxMayReturnCases: the shapes where syntax is sure a function
// returns, and the ones where it must leave the answer to the graph.
func TestSyntaxMayReturnCases(t *testing.T) {
	for _, c := range []struct {
		body string
		sure bool // syntaxMayReturn's answer; the graph must then agree
	}{
		{`x()`, true},
		{`panic(1)`, false},
		{`if c { panic(1) }`, true},
		{`if c { panic(1) } else { exit() }`, false},
		{`if c { panic(1) } else { x() }`, true},
		{`if c { return }; panic(1)`, true},
		{`panic(1); return`, false},
		{`defer f(); panic(1)`, true},
		{`for { x() }`, false},
		{`for { if c { return } }`, true},
		{`for { if c { break } }`, false},
		{`L: for { break L }`, false},
		{`for c { x() }; panic(1)`, false},
		{`for c { x() }`, true},
		{`for range xs { return }; panic(1)`, true},
		{`switch { case a: panic(1) }`, true},
		{`switch { case a: panic(1); default: exit() }`, false},
		{`switch { case a: x(); fallthrough; default: panic(1) }`, false},
		{`switch { case a: return; default: panic(1) }`, true},
		{`switch { default: if c { break }; panic(1) }`, false},
		{`switch v := i.(type) { case int: _ = v }`, true},
		{`select {}`, false},
		{`select { case <-ch: x() }`, true},
		{`select { case <-ch: panic(1); default: return }`, true},
		{`select { case <-ch: break }`, false},
		{`goto L; L: return`, false},
		{`L: x(); goto L`, false},
		{`{ panic(1) }; x()`, false},
		{`if panic(1); c { return }`, false},
		{`go func() { return }(); panic(1)`, false},
		{`f := func() { return }; f(); panic(1)`, false},
		{`var v = 1; _ = v`, true},
	} {
		src := "package p\nfunc f() {\n" + c.body + "\n}"
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
		if err != nil {
			t.Fatalf("%s: %v", c.body, err)
		}
		body := f.Decls[0].(*ast.FuncDecl).Body
		got := syntaxMayReturn(body, exitByName)
		if got != c.sure {
			t.Errorf("syntaxMayReturn(%q) = %v, want %v", c.body, got, c.sure)
		}
		if got && cfg.New(body, exitByName).NoReturn() {
			t.Errorf("syntaxMayReturn(%q) is sure, but the graph has no reachable return", c.body)
		}
	}
}

// TestSyntaxMayReturnAgreesWithGraph: over every function of net/http and
// its dependencies, syntax is never sure where the graph finds no
// reachable return, and it spares most of the graphs.
func TestSyntaxMayReturnAgreesWithGraph(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http and its dependencies from source")
	}
	// net/http as the testdata's load has it: from source, with syntax
	// and types, as packages.LoadAllSyntax loads it.
	pkgs := []*packages.Package{testdata.Dependency(t, "net/http")}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("cannot load net/http")
	}
	var funcs, sure int
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		callReturns := func(call *ast.CallExpr) bool {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && p.TypesInfo.Uses[id] == panicBuiltin {
				return false
			}
			fn, _ := typeutil.Callee(p.TypesInfo, call).(*types.Func)
			return !(fn != nil && (intrinsic(fn.Origin()) || endsProcessByName(fn.Origin())))
		}
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				_, body := match.Func(n)
				if body == nil {
					return true
				}
				funcs++
				if syntaxMayReturn(body, callReturns) {
					sure++
					if cfg.New(body, callReturns).NoReturn() {
						t.Errorf("%s: syntax is sure the function returns; the graph finds no reachable return", p.Fset.Position(body.Pos()))
					}
				}
				return true
			})
		}
	})
	t.Logf("syntax sure on %d of %d functions", sure, funcs)
	if sure < funcs*9/10 {
		t.Errorf("syntax sure on only %d of %d functions", sure, funcs)
	}
}
