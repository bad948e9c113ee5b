package bodyclose

// The uses of a function of the package, each with the syntax above it:
// how the cancel, repetition and one-shot rules read a function's callers.

import (
	"go/ast"
	"go/types"
	"slices"
)

// forEachUse calls visit for every identifier of the package that uses
// obj, in source order, with the nodes above it from its top-level
// declaration down (the identifier excluded); visit returns false to
// stop. It reads the type checker's Uses through the engine and walks
// only the declarations that hold a use.
func (c *checker) forEachUse(obj types.Object, visit func(stack []ast.Node, id *ast.Ident) bool) {
	for _, id := range c.idx.Uses(func(o types.Object) bool { return o == obj }) {
		path := c.idx.PathTo(id)
		if len(path) > 0 {
			path = path[1:]
		}
		stack := slices.Clone(path)
		slices.Reverse(stack)
		if !visit(stack, id) {
			return
		}
	}
}
