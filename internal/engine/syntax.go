package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sync"

	"github.com/httpvet/httpvet/internal/match"
)

// A Func is one function of the package: a declaration, or a function
// literal within a declaration (a function's or a package-level
// variable's). All analyzers of a pass share one Func per function, and
// so its graph.
type Func struct {
	idx  *Index
	File *ast.File
	Decl ast.Decl     // the top-level declaration: *ast.FuncDecl, or *ast.GenDecl for a literal in an initializer
	Lit  *ast.FuncLit // nil for a function declaration

	once  sync.Once
	graph *Graph

	scanned int // the last scan that listed it (scan holds idx.mu)
}

// Node returns the *ast.FuncDecl or *ast.FuncLit.
func (fn *Func) Node() ast.Node {
	if fn.Lit != nil {
		return fn.Lit
	}
	return fn.Decl
}

// Type returns the function's signature syntax.
func (fn *Func) Type() *ast.FuncType {
	if fn.Lit != nil {
		return fn.Lit.Type
	}
	return fn.Decl.(*ast.FuncDecl).Type
}

// Body returns the function's body, nil for a declaration without one.
func (fn *Func) Body() *ast.BlockStmt {
	if fn.Lit != nil {
		return fn.Lit.Body
	}
	return fn.Decl.(*ast.FuncDecl).Body
}

// Signature returns the function's type, or nil if it did not type-check.
func (fn *Func) Signature() *types.Signature {
	var t types.Type
	if fn.Lit != nil {
		t = fn.idx.info.TypeOf(fn.Lit)
	} else if obj := fn.Object(); obj != nil {
		t = obj.Type()
	}
	sig, _ := t.(*types.Signature)
	return sig
}

// Object returns the *types.Func a declaration defines, nil for a literal.
func (fn *Func) Object() *types.Func {
	if fn.Lit != nil {
		return nil
	}
	obj, _ := fn.idx.info.Defs[fn.Decl.(*ast.FuncDecl).Name].(*types.Func)
	return obj
}

// Pos returns the position of the function's syntax.
func (fn *Func) Pos() token.Pos { return fn.Node().Pos() }

// Func returns the function for n, a *ast.FuncDecl or *ast.FuncLit of the
// package, or nil.
func (idx *Index) Func(n ast.Node) *Func {
	switch n.(type) {
	case *ast.FuncDecl, *ast.FuncLit:
	default:
		return nil
	}
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if fn := idx.funcs[n]; fn != nil {
		return fn
	}
	f := idx.file(n.Pos())
	if f == nil {
		return nil
	}
	d := decl(f, n.Pos())
	if d == nil {
		return nil
	}
	if _, ok := n.(*ast.FuncDecl); ok {
		return idx.declFunc(f, d)
	}
	idx.litsOf(f, d)
	return idx.funcs[n]
}

// Enclosing returns the innermost function (literal or declaration) whose
// body or signature contains pos, or nil at package level outside any
// function literal.
func (idx *Index) Enclosing(pos token.Pos) *Func {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	return idx.enclosing(pos)
}

func (idx *Index) enclosing(pos token.Pos) *Func {
	f := idx.file(pos)
	if f == nil {
		return nil
	}
	d := decl(f, pos)
	if d == nil {
		return nil
	}
	return idx.enclosingIn(f, d, pos)
}

// enclosingIn is enclosing for a position in declaration d of file f.
func (idx *Index) enclosingIn(f *ast.File, d ast.Decl, pos token.Pos) *Func {
	lits := idx.litsOf(f, d)
	// lits are in preorder: the last one that contains pos is the innermost.
	for i := len(lits) - 1; i >= 0; i-- {
		if l := lits[i].Lit; l.Pos() <= pos && pos < l.End() {
			return lits[i]
		}
	}
	if _, ok := d.(*ast.FuncDecl); ok {
		return idx.declFunc(f, d)
	}
	return nil
}

// declFunc returns the Func of a function declaration; idx.mu is held.
func (idx *Index) declFunc(f *ast.File, d ast.Decl) *Func {
	fn := idx.funcs[d]
	if fn == nil {
		fn = &Func{idx: idx, File: f, Decl: d}
		idx.funcs[d] = fn
	}
	return fn
}

// litsOf returns the function literals of d in preorder, found by one
// walk of d the first time; idx.mu is held.
func (idx *Index) litsOf(f *ast.File, d ast.Decl) []*Func {
	if lits, ok := idx.lits[d]; ok {
		return lits
	}
	var lits []*Func
	ast.Inspect(d, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			fn := &Func{idx: idx, File: f, Decl: d, Lit: lit}
			idx.funcs[lit] = fn
			lits = append(lits, fn)
		}
		return true
	})
	idx.lits[d] = lits
	return lits
}

// Path returns the nodes from the innermost one that encloses the interval
// [pos, end) up to its top-level declaration, innermost first (the
// declaration last), like astutil.PathEnclosingInterval but walking only
// that declaration, and only the children on the way. It returns nil if
// no declaration of the package contains pos.
func (idx *Index) Path(pos, end token.Pos) []ast.Node {
	f := idx.file(pos)
	if f == nil {
		return nil
	}
	d := decl(f, pos)
	if d == nil || end > d.End() {
		return nil
	}
	var path []ast.Node
	ast.Inspect(d, func(n ast.Node) bool {
		if n == nil || n.Pos() > pos || n.End() < end {
			return false
		}
		path = append(path, n)
		return true
	})
	// Inspect visits siblings after a match's subtree: keep only the
	// chain, which is path filtered to nested nodes.
	chain := path[:0]
	for _, n := range path {
		if len(chain) == 0 || contains(chain[len(chain)-1], n) {
			chain = append(chain, n)
		}
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain
}

func contains(outer, inner ast.Node) bool {
	return outer.Pos() <= inner.Pos() && inner.End() <= outer.End() && outer != inner
}

// PathTo returns [Index.Path] of n's interval starting at n itself: the
// path's first element is n (when n is a node of the package).
func (idx *Index) PathTo(n ast.Node) []ast.Node {
	path := idx.Path(n.Pos(), n.End())
	for i, m := range path {
		if m == n {
			return path[i:]
		}
	}
	return nil
}

// Parent returns the parent of n in its declaration, or nil.
func (idx *Index) Parent(n ast.Node) ast.Node {
	path := idx.PathTo(n)
	if len(path) < 2 {
		return nil
	}
	return path[1]
}

// NextSibling returns the statement after stmt in its enclosing block or
// case clause, or nil if it is the last one.
func (idx *Index) NextSibling(stmt ast.Stmt) ast.Stmt {
	list := match.StmtList(idx.Parent(stmt))
	for i, s := range list {
		if s == stmt && i+1 < len(list) {
			return list[i+1]
		}
	}
	return nil
}

// DeclsOf returns the top-level declarations that hold fns, and extra
// ones, in source order, each once: for an analyzer that walks whole
// declarations. Sorted, a declaration's repeats (its literals) are
// neighbours, so no set of the declarations seen is needed.
func DeclsOf(fns []*Func, extra ...ast.Decl) []ast.Decl {
	decls := make([]ast.Decl, 0, len(fns)+len(extra))
	for _, fn := range fns {
		decls = append(decls, fn.Decl)
	}
	decls = append(decls, extra...)
	slices.SortFunc(decls, func(a, b ast.Decl) int { return int(a.Pos() - b.Pos()) })
	return slices.Compact(decls)
}
