package timeouts

// Containers (slices, maps), assignment windows of local variables, and
// the functions that return a value: where a followed value goes next.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// container follows a slice, array or map literal holding values of kind
// k: it must be stored in a variable.
func (c *checker) container(cur cursor, k kind) *summary {
	if elemKind(c.pass.TypesInfo.TypeOf(cur.Node().(ast.Expr))) != k {
		return nil
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == cur.Node() && len(p.Lhs) == len(p.Rhs) {
				return c.dest(p.Lhs[i], k)
			}
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == cur.Node() && len(p.Names) == len(p.Values) {
				return c.dest(p.Names[i], k)
			}
		}
	}
	return nil
}

// nextAssign returns the position of the first assignment to the local
// variable v after pos (token.NoPos when none), and ok=false when v is
// assigned only once.
func (c *checker) nextAssign(v *types.Var, pos token.Pos) (token.Pos, bool) {
	next := token.NoPos
	n := 0
	for _, use := range c.usesOf(v) {
		as, ok := use.Parent().Node().(*ast.AssignStmt)
		if !ok {
			continue
		}
		for _, lhs := range as.Lhs {
			if lhs == use.Node() {
				n++
				if as.Pos() > pos && (next == token.NoPos || as.Pos() < next) {
					next = as.Pos()
				}
			}
		}
	}
	return next, n > 0
}

// varSummaryIn is varSummary restricted to the uses of v in [from, to)
// (to == NoPos: to the end).
func (c *checker) varSummaryIn(v *types.Var, k kind, from, to token.Pos) *summary {
	if kindOf(v.Type()) != k || c.results[v] {
		return nil
	}
	sum := new(summary)
	for _, use := range c.usesOf(v) {
		if p := use.Node().Pos(); p < from || to.IsValid() && p >= to {
			continue
		}
		ecur := use
		if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == use.Node() {
			ecur = use.Parent()
		}
		c.classify(ecur, k, sum)
	}
	return sum
}

// classifyContainer records in sum what is done with the container
// variable used at cur.
func (c *checker) classifyContainer(cur cursor, k kind, sum *summary) {
	cur = outsideParens(cur)
	e := cur.Node()
	switch p := cur.Parent().Node().(type) {
	case *ast.RangeStmt:
		if p.X != e {
			return // assigned by the range: not a use
		}
		if p.Value == nil {
			return
		}
		id, ok := p.Value.(*ast.Ident)
		if !ok {
			sum.escapes = true
			return
		}
		if id.Name == "_" {
			return
		}
		v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok {
			sum.escapes = true
			return
		}
		if s := c.varSummary(v, k); s != nil {
			sum.merge(s)
		} else {
			sum.escapes = true
		}
	case *ast.IndexExpr:
		if p.X == e {
			c.classify(cur.Parent(), k, sum)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				return
			}
			// xs = append(xs, …): stays in xs.
			if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "append" && len(p.Args) > 0 && p.Args[0] == e {
				if as, ok := cur.Parent().Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && as.Rhs[0] == p && sameVar(c.pass.TypesInfo, as.Lhs[0], e.(ast.Expr)) {
					return
				}
			}
		}
		sum.escapes = true
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if lhs == e {
				return // assigned
			}
		}
		sum.escapes = true
	default:
		sum.escapes = true
	}
}

// varOf returns the variable (or field) that e denotes, or nil.
func varOf(info *types.Info, e ast.Expr) *types.Var {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := info.ObjectOf(e).(*types.Var)
		return v
	case *ast.SelectorExpr:
		v, _ := info.ObjectOf(e.Sel).(*types.Var)
		return v
	}
	return nil
}

// retSite is a function returning a value as its result idx.
type retSite struct {
	fn  *types.Func
	idx int
}

// enclosingFunc returns the function declared by the innermost function
// declaration enclosing cur, and ok=false when a function literal is
// closer.
func (c *checker) enclosingFunc(cur cursor) (*types.Func, bool) {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fd, ok := e.Node().(*ast.FuncDecl)
		if !ok {
			return nil, false
		}
		fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
		return fn, ok
	}
	return nil, false
}

// madeHere reports whether the returned expression e is a value the
// function made: a literal, new(T), or a local variable. A field or
// package variable returned by a getter is the caller's to configure.
func (c *checker) madeHere(e ast.Expr) bool {
	e = match.Unaddr(e)
	switch e := e.(type) {
	case *ast.CompositeLit, *ast.CallExpr:
		return true
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.Uses[e].(*types.Var)
		return ok && !v.IsField() && v.Parent() != nil && v.Parent() != c.pass.Pkg.Scope()
	}
	return false
}
