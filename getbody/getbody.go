package getbody

import (
	_ "embed"
	"flag"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports GET, HEAD and TRACE requests that carry a body.
var Analyzer = &analysis.Analyzer{
	Name:      "getbody",
	Doc:       docs.Extract(doc, "getbody"),
	URL:       "https://github.com/httpvet/httpvet/blob/main/docs/getbody.md",
	Requires:  []*analysis.Analyzer{engine.Analyzer, suppress.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(requestWrapper)},
	Flags:     flags(),
	// Runs on code with type errors too (gopls does so): it must not crash.
	RunDespiteErrors: true,
}

// tests is the -getbody.tests flag: report in test code too.
var tests bool

func flags() (fs flag.FlagSet) {
	fs.BoolVar(&tests, "tests", false, "report requests in test code too (_test.go files, files that import testing or net/http/httptest, test support packages: tests of a client's GET-body handling build them on purpose)")
	return fs
}

// skipTest reports whether pos lies in test code, which the -tests
// flag leaves out.
func (c *checker) skipTest(pos token.Pos) bool {
	return !tests && c.idx.InTestCode(pos)
}

// bodyless reports whether an HTTP method carries no body.
func bodyless(method string) bool {
	return method == "GET" || method == "HEAD" || method == "TRACE"
}

type checker struct {
	pass  *analysis.Pass
	idx   *engine.Index
	funcs map[ast.Node]*function // by *ast.FuncDecl or *ast.FuncLit

	// wrapperFact receives isWrapper's fact lookups, which run for every
	// object the package uses: a fresh fact each time was most of what
	// getbody allocated on go-github.
	wrapperFact requestWrapper
}

// run exports the wrapper facts, then checks every request construction
// (a call, an http.Request literal, an assignment to a request's Body) in
// the declarations that touch net/http or call a wrapper: a construction
// names one or the other, so no other declaration can hold one.
func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	idx := pass.ResultOf[engine.Analyzer].(*engine.Index)
	if !idx.Reaches(match.NetHTTP) || (!match.ImportsOrIs(pass.Pkg, match.NetHTTP) && len(pass.AllObjectFacts()) == 0) {
		return nil, nil // neither net/http nor a wrapper of it in sight
	}
	c := &checker{pass: pass, idx: idx, funcs: make(map[ast.Node]*function)}
	if tests {
		// Test code's findings are outside the default set. Strict mode
		// leaves -tests off: tests of a client's GET-body handling build
		// such requests on purpose.
		strict.MarkTestCode(pass, idx.InTestCode)
	}
	c.exportWrapperFacts()
	for _, d := range c.touchedDecls() {
		ast.Walk(&constructions{c: c}, d)
	}
	return nil, nil
}

// touchedDecls returns, in source order, the top-level declarations with
// a function that touches net/http or uses a function carrying a wrapper
// fact (of this package or another).
func (c *checker) touchedDecls() []ast.Decl {
	fns := c.idx.Touching(match.NetHTTP)
	if !c.idx.Within(match.NetHTTP) { // see Within: nothing to add in net/http itself
		fns = slices.Concat(fns, c.idx.TouchingObjects(c.isWrapper))
	}
	// Nothing is reported in a test file (without -tests), and what a
	// declaration reports lies in it: skip test files' whole.
	return slices.DeleteFunc(engine.DeclsOf(fns), func(d ast.Decl) bool { return c.skipTest(d.Pos()) })
}

// isWrapper reports whether obj is a function carrying a wrapper fact.
func (c *checker) isWrapper(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	return c.pass.ImportObjectFact(fn, &c.wrapperFact) || (fn.Origin() != fn && c.pass.ImportObjectFact(fn.Origin(), &c.wrapperFact))
}

// constructions visits a declaration in preorder, checking each call,
// composite literal and assignment within a function against fn, the
// innermost function around it (nil at package level, where there are
// no paths to follow). A new visitor is made only on entering a function:
// returning a struct value boxed one per node, most of what getbody
// allocated.
type constructions struct {
	c  *checker
	fn *function
}

func (w *constructions) Visit(n ast.Node) ast.Visitor {
	switch n := n.(type) {
	case *ast.FuncDecl, *ast.FuncLit:
		return &constructions{c: w.c, fn: w.c.function(n)}
	case *ast.CallExpr:
		if w.fn != nil {
			w.c.checkCall(w.fn, n)
		}
	case *ast.CompositeLit:
		if w.fn != nil {
			w.c.checkLiteral(w.fn, n)
		}
	case *ast.AssignStmt:
		if w.fn != nil {
			w.c.checkAssign(w.fn, n)
		}
	}
	return w
}
