package timeouts

// Which declarations each walk needs. The analyzer used to walk every
// file; each walk now takes only the declarations in which an identifier
// can lead it to something, chosen by the engine from the type checker's
// Uses and Defs (a declaration that contains no such identifier holds no
// node the walk acts on).

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// httpDecls returns the declarations the main walk needs: those with an
// identifier of net/http, or of a type that holds one of its types,
// looking through named types too (an element of otherpkg.Servers{{}}
// is an http.Server literal with no identifier of net/http), or a
// function of another package that carries a constructorFact.
func (c *checker) httpDecls() []ast.Decl {
	facts := make(map[types.Object]bool)
	for _, f := range c.pass.AllObjectFacts() {
		facts[f.Object] = true
	}
	memo := make(holdsHTTP)
	return c.idx.Decls(func(obj types.Object) bool {
		if obj.Pkg() != nil && obj.Pkg().Path() == match.NetHTTP {
			return true
		}
		if fn, ok := obj.(*types.Func); ok && (facts[fn] || facts[fn.Origin()]) {
			return true
		}
		return memo.of(obj.Type())
	})
}

// ownFunc reports whether obj is a function or method of the package:
// the declarations callsOf walks hold the calls of those.
func (c *checker) ownFunc(obj types.Object) bool {
	fn, ok := obj.(*types.Func)
	return ok && fn.Pkg() == c.pass.Pkg
}

// trackedVar reports whether obj is a variable usesOf records: of a
// tracked kind, or a container of one.
func trackedVar(obj types.Object) bool {
	v, ok := obj.(*types.Var)
	return ok && (kindOf(v.Type()) != none || elemKind(v.Type()) != none)
}

// holdsHTTP answers whether a type is or holds a named type of net/http:
// in its elements, fields, parameters, results, type arguments, or the
// underlying type of a named type, or an interface's methods. It is reachability over types, so a
// walk with a visited set is exact; answers are cached per type once a
// question is finished (a false one for every type it visited: none of
// them reaches net/http either).
type holdsHTTP map[types.Type]bool

func (memo holdsHTTP) of(t types.Type) bool {
	if t == nil {
		return false
	}
	if r, ok := memo[t]; ok {
		return r
	}
	visited := make(map[types.Type]bool)
	r := memo.reach(t, visited)
	if r {
		memo[t] = true
	} else {
		for v := range visited {
			memo[v] = false
		}
	}
	return r
}

func (memo holdsHTTP) reach(t types.Type, visited map[types.Type]bool) bool {
	if t == nil || visited[t] {
		return false
	}
	if r, ok := memo[t]; ok {
		return r
	}
	visited[t] = true
	switch t := t.(type) {
	case *types.Alias:
		return memo.reach(types.Unalias(t), visited)
	case *types.Named:
		if obj := t.Obj(); obj.Pkg() != nil && obj.Pkg().Path() == match.NetHTTP {
			return true
		}
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len(); i++ {
				if memo.reach(args.At(i), visited) {
					return true
				}
			}
		}
		return memo.reach(t.Underlying(), visited)
	case *types.Pointer:
		return memo.reach(t.Elem(), visited)
	case *types.Slice:
		return memo.reach(t.Elem(), visited)
	case *types.Array:
		return memo.reach(t.Elem(), visited)
	case *types.Chan:
		return memo.reach(t.Elem(), visited)
	case *types.Map:
		return memo.reach(t.Key(), visited) || memo.reach(t.Elem(), visited)
	case *types.Signature:
		return memo.reach(t.Params(), visited) || memo.reach(t.Results(), visited)
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if memo.reach(t.At(i).Type(), visited) {
				return true
			}
		}
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if memo.reach(t.Method(i).Type(), visited) {
				return true
			}
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if memo.reach(t.Field(i).Type(), visited) {
				return true
			}
		}
	}
	return false
}
