package bodyclose

// Function literals: the closure a local variable always holds, the
// literal a call calls, and a literal's parameters fact, so that calling
// a closure reads like calling a function with facts.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// litParams returns the parameters fact of a function literal (called
// where it is written, or through a local variable that holds it), or nil.
func (c *checker) litParams(lit *ast.FuncLit) *paramsFact {
	if f, ok := c.lits[lit]; ok {
		return f
	}
	c.lits[lit] = nil // recursion guard
	f := c.computeParams(lit)
	c.lits[lit] = f
	return f
}

// closureOf returns the function literal that the local variable v
// always holds: assigned once, from a literal, its address never taken.
func (c *checker) closureOf(v *types.Var) *ast.FuncLit {
	if v == nil {
		return nil
	}
	if c.closures == nil {
		c.closures = make(map[*types.Var]*ast.FuncLit)
		count := make(map[*types.Var]int)
		info := c.pass.TypesInfo
		def := func(l ast.Expr, r ast.Expr) {
			w, _ := match.ObjectOf(info, l).(*types.Var)
			if w == nil || w.Parent() == c.pass.Pkg.Scope() {
				return
			}
			count[w]++
			if lit, ok := ast.Unparen(r).(*ast.FuncLit); ok {
				c.closures[w] = lit
			}
		}
		for _, file := range c.pass.Files {
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.AssignStmt, *ast.ValueSpec:
					for i, l := range match.Assigned(n) {
						r, _, _ := match.AssignedValue(n, i)
						def(l, r)
					}
				case *ast.UnaryExpr:
					if n.Op == token.AND {
						if w, ok := match.ObjectOf(info, n.X).(*types.Var); ok {
							count[w] += 2
						}
					}
				}
				return true
			})
		}
		for w := range c.closures {
			if count[w] != 1 {
				delete(c.closures, w)
			}
		}
	}
	return c.closures[v]
}

// litOf returns the function literal that call calls: written in place,
// or held by a local variable.
func (c *checker) litOf(fun ast.Expr) *ast.FuncLit {
	switch f := ast.Unparen(fun).(type) {
	case *ast.FuncLit:
		return f
	case *ast.Ident:
		v, _ := c.pass.TypesInfo.Uses[f].(*types.Var)
		return c.closureOf(v)
	}
	return nil
}
