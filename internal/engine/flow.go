package engine

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// A Graph is the control-flow graph of one function, with the indexes
// backward and forward path walks need.
type Graph struct {
	*cfg.CFG
	preds [][]*cfg.Block       // by Block.Index
	where map[ast.Node]nodeRef // top-level node → its place
}

type nodeRef struct {
	b *cfg.Block
	i int
}

// CFG returns the function's control-flow graph, built on the first call
// by any analyzer, or nil for a declaration without a body. A call ends a
// path when [Index.NoReturn] says it never returns.
func (fn *Func) CFG() *Graph {
	fn.once.Do(func() {
		body := fn.Body()
		if body == nil {
			return
		}
		g := cfg.New(body, func(call *ast.CallExpr) bool { return !fn.idx.NoReturn(call) })
		fn.graph = &Graph{CFG: g, preds: make([][]*cfg.Block, len(g.Blocks)), where: make(map[ast.Node]nodeRef)}
		for _, b := range g.Blocks {
			for _, s := range b.Succs {
				fn.graph.preds[s.Index] = append(fn.graph.preds[s.Index], b)
			}
			for i, n := range b.Nodes {
				fn.graph.where[n] = nodeRef{b, i}
			}
		}
	})
	return fn.graph
}

// Preds returns the predecessors of b.
func (g *Graph) Preds(b *cfg.Block) []*cfg.Block { return g.preds[b.Index] }

// Succs returns the successors of b.
func (g *Graph) Succs(b *cfg.Block) []*cfg.Block { return b.Succs }

// Live reports whether b is reachable from the entry.
func (g *Graph) Live(b *cfg.Block) bool { return b.Live }

// Locate returns the block and index of the top-level graph node that is
// n or contains it (outside nested function literals), and false if none
// does (n is in a nested literal, or unreachable code was dropped).
func (g *Graph) Locate(n ast.Node) (*cfg.Block, int, bool) {
	if r, ok := g.where[n]; ok {
		return r.b, r.i, true
	}
	for _, b := range g.Blocks {
		for i, m := range b.Nodes {
			if m.Pos() <= n.Pos() && n.End() <= m.End() {
				if _, isLit := m.(*ast.FuncLit); isLit {
					continue
				}
				return b, i, true
			}
		}
	}
	return nil, 0, false
}

// Backward walks the graph backward from the node before index i of block
// b (i == len(b.Nodes) starts at its last node), calling visit on each
// node, most recent first, until visit returns false, which ends that
// path. Each block is walked at most once, so visit sees each node at most
// once: the walk answers "is there a path" questions. A path that reaches
// the function's entry unstopped calls atEntry, if it is not nil.
func (g *Graph) Backward(b *cfg.Block, i int, visit func(n ast.Node) (cont bool), atEntry func()) {
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, i int)
	walk = func(b *cfg.Block, i int) {
		for j := i - 1; j >= 0; j-- {
			if !visit(b.Nodes[j]) {
				return
			}
		}
		preds := g.preds[b.Index]
		if b.Index == 0 && atEntry != nil {
			atEntry()
		}
		for _, p := range preds {
			if !seen[p] {
				seen[p] = true
				walk(p, len(p.Nodes))
			}
		}
	}
	walk(b, i)
}
