package engine

import (
	"go/ast"
	"go/types"
	"slices"
	"testing"

	"github.com/httpvet/httpvet/internal/analyzertest"
)

// runEngine runs the engine on the testdata packages, once per test
// binary (net/http is loaded once), and returns their indexes by path.
// The // want comments check the noReturn facts, in die and across the
// import in uses, and the callsRepeatedly facts in repeats; a mismatch
// fails the first test that calls runEngine.
func runEngine(t *testing.T) map[string]*Index {
	t.Helper()
	if indexes != nil {
		return indexes
	}
	out := make(map[string]*Index)
	defer func() { indexes = out }()
	for _, r := range testdata.Run(t, Analyzer, "die", "uses", "repeats", "stores") {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		out[r.Pass.Pkg.Path()] = r.Result.(*Index)
	}
	return out
}

var indexes map[string]*Index // the engine's results, computed once

// testdata holds the packages of testdata/src the tests analyze, loaded
// once: net/http is type-checked once per test binary.
var testdata = analyzertest.Load("die", "uses", "repeats", "stores", "lifetime")

func names(fns []*Func) []string {
	var s []string
	for _, fn := range fns {
		if fn.Lit != nil {
			s = append(s, "lit in "+declName(fn.Decl))
		} else {
			s = append(s, declName(fn.Decl))
		}
	}
	return s
}

func declName(d ast.Decl) string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		return d.Name.Name
	case *ast.GenDecl:
		return d.Specs[0].(*ast.ValueSpec).Names[0].Name
	}
	return "?"
}

// TestSkipped: a package that does not reach net/http is skipped without
// reading its identifiers.
func TestSkipped(t *testing.T) {
	idx := runEngine(t)["die"]
	if idx.Reaches("net/http") {
		t.Errorf("die reaches net/http")
	}
	if fns := idx.Touching("net/http"); len(fns) != 0 || len(idx.Inits("net/http")) != 0 {
		t.Errorf("die touches net/http: %v", names(fns))
	}
	if idx.scans != 0 {
		t.Errorf("die was scanned %d times, want 0", idx.scans)
	}
	if !idx.Reaches("os") || len(idx.Touching("os")) != 2 {
		t.Errorf("die: Touching(os) = %v", names(idx.Touching("os")))
	}
}

func TestTouching(t *testing.T) {
	idx := runEngine(t)["uses"]
	want := []string{"get", "lit in lit", "viaSig", "field", "lit in handler"}
	if got := names(idx.Touching("net/http")); !slices.Equal(got, want) {
		t.Errorf("Touching(net/http) = %v, want %v", got, want)
	}
	// Cached: a second query with the same packages does not scan again.
	n := idx.scans
	idx.Touching("net/http")
	if idx.scans != n {
		t.Errorf("second query scanned again")
	}
	var inits []string
	for _, d := range idx.Inits("net/http") {
		inits = append(inits, declName(d))
	}
	if want := []string{"client", "handler"}; !slices.Equal(inits, want) {
		t.Errorf("Inits(net/http) = %v, want %v", inits, want)
	}
	// In the package that is the path itself, every function, without a
	// scan (the literal in lit touches uses only through net/http, but is
	// listed all the same).
	n = idx.scans
	all := names(idx.Touching("uses"))
	if idx.scans != n {
		t.Errorf("Touching of the package itself scanned identifiers")
	}
	if want := []string{"Fail", "FailNoNet", "get", "noHTTP", "lit", "lit in lit", "viaSig", "field", "Never", "Also", "generic", "callsGeneric", "helper", "lit in handler"}; !slices.Equal(all, want) {
		t.Errorf("Touching(uses) in uses = %v, want %v", all, want)
	}
	// Any predicate on objects: here, functions of package die.
	got := names(idx.TouchingObjects(func(obj types.Object) bool {
		return obj.Pkg() != nil && obj.Pkg().Path() == "die"
	}))
	if want := []string{"Fail", "get", "generic", "lit in handler"}; !slices.Equal(got, want) {
		t.Errorf("TouchingObjects(die) = %v, want %v", got, want)
	}
	ids := idx.Uses(func(obj types.Object) bool { return obj.Name() == "Die" })
	if len(ids) != 4 || ids[0].Pos() > ids[1].Pos() {
		t.Errorf("Uses(Die) = %d identifiers, want 4 in order", len(ids))
	}
}

// TestCFG: the graph ends a path at a function that carries the noReturn
// fact from another package, and is built once.
func TestCFG(t *testing.T) {
	idx := runEngine(t)["uses"]
	fn := idx.Touching("net/http")[0] // get
	g := fn.CFG()
	if g == nil || fn.CFG() != g {
		t.Fatalf("CFG not built once")
	}
	var call *ast.CallExpr
	ast.Inspect(fn.Body(), func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && types.ExprString(c.Fun) == "die.Die" {
			call = c
		}
		return true
	})
	if call == nil || !idx.NoReturn(call) {
		t.Fatalf("die.Die is not a no-return call")
	}
	b, i, ok := g.Locate(call)
	if !ok || i != len(b.Nodes)-1 || len(b.Succs) != 0 {
		t.Errorf("the block of die.Die goes on: %v", b)
	}
	// Backward from the return reaches the entry without passing die.Die.
	ret := fn.Body().List[len(fn.Body().List)-1]
	rb, ri, _ := g.Locate(ret)
	sawDie, entry := false, false
	g.Backward(rb, ri, func(n ast.Node) bool {
		if n.Pos() <= call.Pos() && call.End() <= n.End() {
			sawDie = true
		}
		return true
	}, func() { entry = true })
	if sawDie || !entry {
		t.Errorf("backward walk: saw die.Die %v, reached entry %v", sawDie, entry)
	}
	if g.Preds(g.Blocks[0]) != nil {
		t.Errorf("entry has predecessors")
	}
}

// TestSyntax: paths, parents, siblings and enclosing functions within one
// declaration.
func TestSyntax(t *testing.T) {
	idx := runEngine(t)["uses"]
	lit := idx.Touching("net/http")[1] // the literal in lit
	var get *ast.CallExpr
	ast.Inspect(lit.Body(), func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			get = c
		}
		return true
	})
	if fn := idx.Enclosing(get.Pos()); fn != lit {
		t.Errorf("Enclosing(http.Get) = %v, want the literal", fn)
	}
	path := idx.PathTo(get)
	var kinds []string
	for _, n := range path {
		kinds = append(kinds, typeName(n))
	}
	want := []string{"CallExpr", "AssignStmt", "BlockStmt", "FuncLit", "AssignStmt", "BlockStmt", "FuncDecl"}
	if !slices.Equal(kinds, want) {
		t.Errorf("PathTo(http.Get) = %v, want %v", kinds, want)
	}
	if idx.Parent(get) != path[1] {
		t.Errorf("Parent wrong")
	}
	decl := path[len(path)-1].(*ast.FuncDecl)
	if idx.Func(decl) == nil || idx.Func(decl).Object().Name() != "lit" || idx.Func(lit.Lit) != lit {
		t.Errorf("Func lookup wrong")
	}
	first := decl.Body.List[0]
	if next := idx.NextSibling(first); next != decl.Body.List[1] || idx.NextSibling(decl.Body.List[1]) != nil {
		t.Errorf("NextSibling wrong")
	}
	if idx.Enclosing(decl.Name.Pos()).Decl != decl {
		t.Errorf("Enclosing(name) is not the declaration")
	}
}

func typeName(n ast.Node) string {
	switch n.(type) {
	case *ast.CallExpr:
		return "CallExpr"
	case *ast.AssignStmt:
		return "AssignStmt"
	case *ast.BlockStmt:
		return "BlockStmt"
	case *ast.FuncLit:
		return "FuncLit"
	case *ast.FuncDecl:
		return "FuncDecl"
	}
	return "other"
}

// TestCallsRepeatedly: the callsRepeatedly facts of retry and polling
// helpers, through loops and wrappers (the // want comments of repeats,
// which runEngine checks).
func TestCallsRepeatedly(t *testing.T) {
	if runEngine(t)["repeats"] == nil {
		t.Errorf("the engine did not run on repeats")
	}
}
