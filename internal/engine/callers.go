package engine

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// What every caller passes: a function that only this package can call
// (unexported, never used as a value, no interface of the package that
// could dispatch to it) is called only from the call sites in view, so a
// branch of it that needs an argument none of them passes is a path no
// call takes.

// ArgNeverNil reports whether every call of fn passes a value that is
// never nil as its parameter i (receiver excluded): &x, &T{…}, new(T),
// make(…), a function literal, or a local defined as one of those and
// never assigned again. It is false for any function its package does
// not fully see the calls of (see ArgsAt).
func (idx *Index) ArgNeverNil(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	key := argKey{fn, i}
	idx.mu.Lock()
	r, ok := idx.argNeverNil[key]
	idx.mu.Unlock()
	if ok {
		return r
	}
	r = idx.computeArgNeverNil(fn, i)
	idx.mu.Lock()
	idx.argNeverNil[key] = r
	idx.mu.Unlock()
	return r
}

type argKey struct {
	fn *types.Func
	i  int
}

// usesOf returns the identifiers that refer to fn, from one scan of Uses
// for all functions of the package.
func (idx *Index) usesOf(fn *types.Func) []*ast.Ident {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if idx.funcUses == nil {
		idx.funcUses = make(map[*types.Func][]*ast.Ident)
		for id, obj := range idx.info.Uses {
			if f, ok := obj.(*types.Func); ok && f.Pkg() == idx.pkg {
				idx.funcUses[f] = append(idx.funcUses[f], id)
			}
		}
	}
	return idx.funcUses[fn]
}

func (idx *Index) computeArgNeverNil(fn *types.Func, i int) bool {
	args, ok := idx.ArgsAt(fn, i)
	if !ok {
		return false
	}
	for _, a := range args {
		if !idx.neverNil(a.Expr, a.Call.Pos()) {
			return false
		}
	}
	return true
}

// An Arg is the argument a call passes for a parameter.
type Arg struct {
	Call *ast.CallExpr
	Expr ast.Expr
}

// ArgsAt returns the argument for parameter i (receiver excluded) of
// every call of fn, and true when those are all the calls there are: fn
// is a function only its package can call (unexported, no package
// interface with a method of its name), every use of it is a call that
// passes parameter i as one argument, and there is at least one.
func (idx *Index) ArgsAt(fn *types.Func, i int) ([]Arg, bool) {
	if fn == nil || idx.pkg == nil || fn.Pkg() != idx.pkg || fn.Exported() {
		return nil, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || i >= sig.Params().Len() || (sig.Variadic() && i == sig.Params().Len()-1) {
		return nil, false
	}
	if sig.Recv() != nil && idx.interfaceHasMethod(fn.Name()) {
		return nil, false
	}
	var args []Arg
	for _, id := range idx.usesOf(fn) {
		call := idx.callOf(id)
		if call == nil || i >= len(call.Args) || call.Ellipsis.IsValid() || len(call.Args) != sig.Params().Len() {
			return nil, false // a value, a spread, or f(g()) with g's results
		}
		args = append(args, Arg{call, call.Args[i]})
	}
	return args, len(args) > 0
}

// callOf returns the call whose function is id (f(…) or x.f(…)), or nil.
func (idx *Index) callOf(id *ast.Ident) *ast.CallExpr {
	path := idx.Path(id.Pos(), id.End())
	var fun ast.Node = id
	for _, n := range path {
		switch n := n.(type) {
		case *ast.Ident:
			continue
		case *ast.SelectorExpr:
			if n.Sel == fun {
				fun = n
				continue
			}
		case *ast.ParenExpr:
			fun = n
			continue
		case *ast.IndexExpr, *ast.IndexListExpr: // an instantiation f[T]
			fun = n
			continue
		case *ast.CallExpr:
			if n.Fun == fun {
				return n
			}
		}
		return nil
	}
	return nil
}

// neverNil reports whether e, an argument at pos, cannot be nil.
func (idx *Index) neverNil(e ast.Expr, pos token.Pos) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		return e.Op == token.AND
	case *ast.CompositeLit, *ast.FuncLit:
		return true
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := idx.info.Uses[id].(*types.Builtin); ok {
				return b.Name() == "new" || b.Name() == "make"
			}
		}
	case *ast.Ident:
		v, ok := idx.info.Uses[e].(*types.Var)
		if !ok || v.Parent() == nil || v.Parent() == idx.pkg.Scope() {
			return false
		}
		return idx.definedNeverNil(v, pos)
	}
	return false
}

// definedNeverNil reports whether the local v is defined by v := x with x
// never nil, and is not assigned again nor has its address taken in its
// function.
func (idx *Index) definedNeverNil(v *types.Var, pos token.Pos) bool {
	fn := idx.Enclosing(v.Pos())
	if fn == nil {
		return false
	}
	ok, defined := true, false
	ast.Inspect(fn.Node(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for k, l := range n.Lhs {
				id, isID := ast.Unparen(l).(*ast.Ident)
				if !isID || (idx.info.Defs[id] != v && idx.info.Uses[id] != v) {
					continue
				}
				if rhs, tuple, _ := match.AssignedValue(n, k); idx.info.Defs[id] == v && rhs != nil && tuple < 0 && !defined {
					defined = idx.neverNil(rhs, pos)
					ok = ok && defined
				} else {
					ok = false
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && idx.info.Uses[match.IdentOf(n.X)] == v {
				ok = false
			}
		}
		return ok
	})
	return ok && defined
}

// interfaceHasMethod reports whether an interface declared in the package
// has a method of this name: a call through it could reach a method of
// that name with any argument.
func (idx *Index) interfaceHasMethod(name string) bool {
	for _, obj := range idx.info.Defs {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Name() != name {
			continue
		}
		if recv := fn.Type().(*types.Signature).Recv(); recv != nil && types.IsInterface(recv.Type()) {
			return true
		}
	}
	return false
}
