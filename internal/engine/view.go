package engine

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// A View is a [Graph] seen as if fewer calls ended a path: the graph that
// cfg.New would build with a narrower mayReturn, without building it. It
// lets an analyzer keep the no-return knowledge it had before the engine
// (getbody knew none, deadlineconn only [match.NoReturn]) while sharing
// the one graph of the function.
//
// cfg.New ends a block B after a call statement that does not return and
// puts what follows in a new unreachable block U; a view puts the edge
// B → U back for the calls its mayReturn says return, and recomputes
// which blocks are live. Paths through B and U are then the paths
// through the single block cfg.New would have built. One difference: when
// the end of the body is reachable in the view only, the view has no
// implicit return statement there (cfg.New adds one to a live last
// block), so a walk sees the end of the body as a block without
// successors, as after a bare return.
type View struct {
	*Graph
	succs [][]*cfg.Block // by Block.Index
	preds [][]*cfg.Block
	live  []bool
}

// View returns g seen with mayReturn: a call statement that ends a path
// in g no longer does when mayReturn(call) is true. It can only reconnect
// (a call that returns in g still does).
func (g *Graph) View(mayReturn func(*ast.CallExpr) bool) *View {
	n := len(g.Blocks)
	v := &View{Graph: g, succs: make([][]*cfg.Block, n), preds: make([][]*cfg.Block, n), live: make([]bool, n)}
	for _, b := range g.Blocks {
		v.succs[b.Index] = b.Succs
	}
	// The block that ends with statement s, for the unreachable block
	// that cfg.New starts after s.
	var endsWith map[ast.Stmt]*cfg.Block
	for _, u := range g.Blocks {
		if u.Kind != cfg.KindUnreachable {
			continue
		}
		es, ok := u.Stmt.(*ast.ExprStmt)
		if !ok {
			continue // after a return or a branch: no call to reconnect
		}
		call, ok := es.X.(*ast.CallExpr)
		if !ok || !mayReturn(call) {
			continue
		}
		if endsWith == nil {
			endsWith = make(map[ast.Stmt]*cfg.Block)
			for _, b := range g.Blocks {
				if k := len(b.Nodes); k > 0 {
					if s, ok := b.Nodes[k-1].(ast.Stmt); ok {
						endsWith[s] = b
					}
				}
			}
		}
		if b := endsWith[es]; b != nil && len(b.Succs) == 0 {
			v.succs[b.Index] = []*cfg.Block{u}
		}
	}
	for _, b := range g.Blocks {
		for _, s := range v.succs[b.Index] {
			v.preds[s.Index] = append(v.preds[s.Index], b)
		}
	}
	if n > 0 {
		stack := []*cfg.Block{g.Blocks[0]}
		v.live[0] = true
		for len(stack) > 0 {
			b := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, s := range v.succs[b.Index] {
				if !v.live[s.Index] {
					v.live[s.Index] = true
					stack = append(stack, s)
				}
			}
		}
	}
	return v
}

// Succs returns the successors of b in the view.
func (v *View) Succs(b *cfg.Block) []*cfg.Block { return v.succs[b.Index] }

// Preds returns the predecessors of b in the view, dead ones included.
func (v *View) Preds(b *cfg.Block) []*cfg.Block { return v.preds[b.Index] }

// Live reports whether b is reachable from the function's entry in the
// view.
func (v *View) Live(b *cfg.Block) bool { return v.live[b.Index] }
