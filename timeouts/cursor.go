package timeouts

// The syntax the analyzer walks: whole top-level declarations, chosen from
// the engine's index, with a cursor that knows its parents. It answers the
// few questions the analyzer asked of inspector.Cursor (parent, enclosing
// nodes, a subtree in preorder) without building an inspector.

import (
	"go/ast"
	"iter"
	"reflect"
)

// A cursor is a node with the chain of its parents up to its file. The
// zero cursor is no node (inspector.Cursor{}); the parent of a file is
// the zero cursor too.
type cursor struct{ f *frame }

type frame struct {
	node   ast.Node
	parent *frame
}

// Valid reports whether c is a node.
func (c cursor) Valid() bool { return c.f != nil }

// Node returns the node, nil for the zero cursor.
func (c cursor) Node() ast.Node {
	if c.f == nil {
		return nil
	}
	return c.f.node
}

// Parent returns the cursor of the node's parent.
func (c cursor) Parent() cursor {
	if c.f == nil {
		return c
	}
	return cursor{c.f.parent}
}

// Enclosing yields c and then its ancestors, innermost first, whose type
// is one of types' (all when none are given), as inspector.Cursor's does.
func (c cursor) Enclosing(types ...ast.Node) iter.Seq[cursor] {
	want := typesOf(types)
	return func(yield func(cursor) bool) {
		for f := c.f; f != nil; f = f.parent {
			if want.has(f.node) && !yield(cursor{f}) {
				return
			}
		}
	}
}

// Preorder yields c and the nodes below it, in depth-first preorder, whose
// type is one of types' (all when none are given).
func (c cursor) Preorder(types ...ast.Node) iter.Seq[cursor] {
	want := typesOf(types)
	return func(yield func(cursor) bool) {
		if c.f == nil {
			return
		}
		var a frames
		stop := false
		stack := []*frame{c.f.parent}
		ast.Inspect(c.f.node, func(n ast.Node) bool {
			if stop {
				return false
			}
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			f := a.new(n, stack[len(stack)-1])
			stack = append(stack, f)
			if want.has(n) && !yield(cursor{f}) {
				stop = true
				return false
			}
			return true
		})
	}
}

// outsideParens returns the cursor of the outermost parenthesized
// expression around c's node, or c (match.OutsideParens for cursors).
func outsideParens(c cursor) cursor {
	for {
		if _, ok := c.Parent().Node().(*ast.ParenExpr); !ok {
			return c
		}
		c = c.Parent()
	}
}

// nodeTypes is a set of node types; empty means every type.
type nodeTypes []reflect.Type

func typesOf(nodes []ast.Node) nodeTypes {
	var ts nodeTypes
	for _, n := range nodes {
		ts = append(ts, reflect.TypeOf(n))
	}
	return ts
}

func (ts nodeTypes) has(n ast.Node) bool {
	if len(ts) == 0 {
		return true
	}
	t := reflect.TypeOf(n)
	for _, w := range ts {
		if w == t {
			return true
		}
	}
	return false
}

// frames allocates frames in chunks: a walk makes one per node, and the
// cursors the analyzer keeps (uses, calls) hold on to their chains.
type frames struct{ chunk []frame }

func (a *frames) new(n ast.Node, parent *frame) *frame {
	if len(a.chunk) == cap(a.chunk) {
		a.chunk = make([]frame, 0, 256)
	}
	a.chunk = append(a.chunk, frame{node: n, parent: parent})
	return &a.chunk[len(a.chunk)-1]
}

// walk calls visit with every node of the package's declarations that keep
// accepts (every declaration when keep is nil), in the order of an
// inspector's preorder over pass.Files: file by file, each declaration in
// ast.Inspect order. Nodes outside declarations (a file's package name)
// are not visited: no question of the analyzer is about them.
func (c *checker) walk(keep func(ast.Decl) bool, visit func(cursor)) {
	var a frames
	for _, file := range c.pass.Files {
		top := &frame{node: file}
		for _, d := range file.Decls {
			if keep != nil && !keep(d) {
				continue
			}
			stack := []*frame{top}
			ast.Inspect(d, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				f := a.new(n, stack[len(stack)-1])
				stack = append(stack, f)
				visit(cursor{f})
				return true
			})
		}
	}
}

// cursorAt returns the cursor of n, a node of one of the package's
// declarations, with its parents from the engine's path up to its file:
// the cursor a walk would give for n, without the walk.
func (c *checker) cursorAt(n ast.Node) cursor {
	path := c.idx.PathTo(n) // n first, its declaration last
	if path == nil {
		return cursor{}
	}
	var top *frame
	for _, file := range c.pass.Files {
		if file.FileStart <= n.Pos() && n.Pos() <= file.FileEnd {
			top = &frame{node: file}
			break
		}
	}
	f := top
	for i := len(path) - 1; i >= 0; i-- {
		f = &frame{node: path[i], parent: f}
	}
	return cursor{f}
}

// declSet returns a keep function for walk accepting exactly decls.
func declSet(decls []ast.Decl) func(ast.Decl) bool {
	set := make(map[ast.Decl]bool, len(decls))
	for _, d := range decls {
		set[d] = true
	}
	return func(d ast.Decl) bool { return set[d] }
}
