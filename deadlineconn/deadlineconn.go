package deadlineconn

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports absolute deadlines set on connections returned by
// http.Transport dial hooks.
var Analyzer = &analysis.Analyzer{
	Name:             "deadlineconn",
	Doc:              docs.Extract(doc, "deadlineconn"),
	URL:              "https://github.com/httpvet/httpvet/blob/main/docs/deadlineconn.md",
	Requires:         []*analysis.Analyzer{engine.Analyzer, suppress.Analyzer},
	Run:              run,
	FactTypes:        []analysis.Fact{new(returnsDeadline), new(setsDeadline), new(returnsDialer)},
	RunDespiteErrors: true,
}

// run exports the facts, then checks the dial hooks of every
// http.Transport literal and hook assignment, in the declarations that
// touch net/http: a Transport or its hook field names it, so no other
// declaration holds one.
func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	idx := pass.ResultOf[engine.Analyzer].(*engine.Index)
	if !idx.Reaches("net") {
		// No facts either: go vet does not run httpvet on such a package
		// (see engine.NetPackage), and every driver agrees with it.
		return nil, nil
	}
	c := &checker{pass: pass, idx: idx, decls: make(map[*types.Func]*ast.FuncDecl)}
	c.exportFacts()
	if !match.ImportsOrIs(pass.Pkg, match.NetHTTP) {
		return nil, nil
	}
	decls := c.touchedDecls()
	noKeepAlive := c.disabledKeepAlives(decls)
	reported := make(map[token.Pos]bool)
	for _, d := range decls {
		ast.Inspect(d, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				c.checkTransportLiteral(n, noKeepAlive, reported)
			case *ast.AssignStmt:
				c.checkHookAssign(n, noKeepAlive, reported)
			}
			return true
		})
	}
	return nil, nil
}

// touchedDecls returns, in source order, the top-level declarations that
// touch net/http: with a function that does, or package-level ones.
func (c *checker) touchedDecls() []ast.Decl {
	return engine.DeclsOf(c.idx.Touching(match.NetHTTP), c.idx.Inits(match.NetHTTP)...)
}

type checker struct {
	pass  *analysis.Pass
	idx   *engine.Index
	decls map[*types.Func]*ast.FuncDecl
}

func (c *checker) decl(fn *types.Func) *ast.FuncDecl {
	if d, ok := c.decls[fn]; ok {
		return d
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && c.pass.TypesInfo.Defs[fd.Name] == fn {
				c.decls[fn] = fd
				return fd
			}
		}
	}
	c.decls[fn] = nil
	return nil
}

// funcObj returns the object an identifier or a selector denotes.
func funcObj(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		return info.Uses[e.Sel]
	}
	return nil
}
