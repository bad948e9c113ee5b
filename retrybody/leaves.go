package retrybody

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// A helper of the package that only reads or sets other fields of the
// request it is given (its URL, its headers) leaves its body alone:
// giving the request to it between two sends is no reset. Any other use
// of its parameter there — passing it on to a function that does not
// leave the body alone, touching Body or GetBody, storing it, capturing it
// in a function literal — may give the request a new body, and the call
// ends the paths through it, as any call the analysis cannot follow.

type leavesKey struct {
	fn *types.Func
	i  int
}

// leavesBody reports whether fn, a function declared in the package,
// leaves alone the body of the request it gets as argument i.
func (c *checker) leavesBody(fn *types.Func, i int) bool {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	k := leavesKey{fn, i}
	if v, ok := c.leaves[k]; ok {
		return v
	}
	if c.leaves == nil {
		c.leaves = make(map[leavesKey]bool)
	}
	c.leaves[k] = false // while it is computed: a recursive call may touch it
	v := c.computeLeavesBody(fn, i)
	c.leaves[k] = v
	return v
}

func (c *checker) computeLeavesBody(fn *types.Func, i int) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || i >= sig.Params().Len() || sig.Variadic() && i == sig.Params().Len()-1 {
		return false
	}
	decl := c.idx.Enclosing(fn.Pos())
	if decl == nil || decl.Lit != nil || decl.Object() != fn || decl.Body() == nil {
		return false
	}
	param := key{root: sig.Params().At(i)}
	leaves := true
	match.InspectStack(decl.Body(), func(n ast.Node, stack []ast.Node) bool {
		if !leaves {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok && match.Mentions(c.info, n, param.root) {
			leaves = false
			return false
		}
		if e, ok := n.(ast.Expr); ok {
			if ck, ok := keyOf(c.info, e); ok && ck.root == param.root {
				leaves = !c.stops(e, ck, param, stack)
				return false
			}
		}
		return true
	})
	return leaves
}
