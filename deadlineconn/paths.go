package deadlineconn

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// graph returns the control-flow graph of the function fnNode (a
// *ast.FuncDecl or *ast.FuncLit), the engine's.
func (c *checker) graph(fnNode ast.Node) *engine.Graph {
	fn := c.idx.Func(fnNode)
	if fn == nil {
		return nil
	}
	return fn.CFG()
}

// uncleared returns the deadline sets on the returned connection of the
// function fnNode (a *ast.FuncDecl or *ast.FuncLit) that reach a return
// of a connection without being cleared.
func (c *checker) uncleared(fnNode ast.Node) []event {
	info := c.pass.TypesInfo
	ftype, body := match.Func(fnNode)
	if body == nil || ftype.Results == nil || len(ftype.Results.List) == 0 || !connLike(info.TypeOf(ftype.Results.List[0].Type)) {
		return nil
	}
	vars := c.returnedVars(body)
	if len(vars) == 0 {
		// returns of calls (return f(ctx)) may still carry a fact
		vars = map[*types.Var]bool{}
	}
	// Cheap pre-check before building the CFG.
	if !c.mayHaveSets(body) {
		return nil
	}
	for v := range vars {
		if c.rearms(v.Type()) {
			return nil // an idle-timeout wrapper: its Read/Write move the deadline
		}
	}
	// A deferred clear covers every return.
	deferred := 0
	inspectNoLit(body, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeferStmt); ok {
			// defer conn.SetDeadline(time.Time{}), or a deferred
			// func literal that clears it.
			ast.Inspect(d.Call, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if recv, bits, ok := deadlineCall(info, call); ok && isZeroTime(info, call.Args[0]) {
						if v := varOf(info, recv); v != nil && vars[v] {
							deferred |= bits
						}
					}
				}
				return true
			})
		}
		return true
	})
	g := c.graph(fnNode)
	if g == nil {
		return nil
	}
	var out []event
	for _, b := range g.Blocks {
		for i, n := range b.Nodes {
			if _, ok := n.(*ast.DeferStmt); ok {
				continue
			}
			sets, _ := c.events(n, vars)
			for _, ev := range sets {
				bits := ev.bits &^ deferred
				if bits == 0 {
					continue
				}
				if ret, ok := n.(*ast.ReturnStmt); ok && returnsConn(info, ret) {
					out = append(out, ev)
					continue
				}
				if c.reachesReturn(g, b, i+1, bits, vars) {
					out = append(out, ev)
				}
			}
		}
	}
	return out
}

// mayHaveSets reports whether body calls a deadline method or a function
// with a fact: a cheap test before building a CFG.
func (c *checker) mayHaveSets(body *ast.BlockStmt) bool {
	info := c.pass.TypesInfo
	found := false
	inspectNoLit(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if _, _, ok := deadlineCall(info, call); ok {
			found = true
		} else if fn := match.Callee(info, call); fn != nil &&
			(c.pass.ImportObjectFact(fn, new(returnsDeadline)) || c.pass.ImportObjectFact(fn, new(setsDeadline))) {
			found = true
		}
		return !found
	})
	return found
}

func returnsConn(info *types.Info, ret *ast.ReturnStmt) bool {
	// A bare return or a return of a nil connection does not matter: the
	// caller gets an error, not a pooled connection.
	return len(ret.Results) > 0 && !match.IsNil(info, ret.Results[0])
}

// reachesReturn reports whether a path from node i of block b reaches a
// return of a non-nil connection while some of bits remain uncleared.
func (c *checker) reachesReturn(g *engine.Graph, b *cfg.Block, i int, bits int, vars map[*types.Var]bool) bool {
	type state struct {
		b    *cfg.Block
		bits int
	}
	seen := make(map[state]bool)
	var walk func(b *cfg.Block, i, bits int) bool
	walk = func(b *cfg.Block, i, bits int) bool {
		for ; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if ret, ok := n.(*ast.ReturnStmt); ok {
				return returnsConn(c.pass.TypesInfo, ret)
			}
			if _, ok := n.(*ast.DeferStmt); ok {
				continue
			}
			_, cl := c.events(n, vars)
			if bits &^= cl; bits == 0 {
				return false
			}
		}
		for _, s := range g.Succs(b) {
			st := state{s, bits}
			if seen[st] {
				continue
			}
			seen[st] = true
			if walk(s, 0, bits) {
				return true
			}
		}
		return false
	}
	return walk(b, i, bits)
}

// setsOnParam reports whether body sets an absolute deadline on the
// connection parameter p that some path carries to the function's exit
// without clearing it or closing the connection.
func (c *checker) setsOnParam(decl *ast.FuncDecl, p *types.Var) bool {
	body := decl.Body
	vars := map[*types.Var]bool{p: true}
	sets, clears := c.events(body, vars)
	if len(sets) == 0 || clears != 0 {
		return false
	}
	deferredClose := false
	inspectNoLit(body, func(n ast.Node) bool {
		if d, ok := n.(*ast.DeferStmt); ok && c.closes(d.Call, p) {
			deferredClose = true
		}
		return !deferredClose
	})
	if deferredClose {
		return false
	}
	g := c.graph(decl)
	if g == nil {
		return false
	}
	for _, b := range g.Blocks {
		if !g.Live(b) {
			continue
		}
		for i, n := range b.Nodes {
			if _, ok := n.(*ast.DeferStmt); ok {
				continue
			}
			if evs, _ := c.events(n, vars); len(evs) > 0 && c.reachesExit(g, b, i+1, p) {
				return true
			}
		}
	}
	return false
}

// reachesExit reports whether a path from node i of block b reaches the
// function's exit without closing p or clearing its deadline.
func (c *checker) reachesExit(g *engine.Graph, b *cfg.Block, i int, p *types.Var) bool {
	vars := map[*types.Var]bool{p: true}
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, i int) bool
	walk = func(b *cfg.Block, i int) bool {
		for ; i < len(b.Nodes); i++ {
			n := b.Nodes[i]
			if _, ok := n.(*ast.DeferStmt); ok {
				continue
			}
			if _, cl := c.events(n, vars); cl != 0 || c.closes(n, p) {
				return false
			}
		}
		succs := g.Succs(b)
		if len(succs) == 0 {
			return true
		}
		for _, s := range succs {
			if !seen[s] {
				seen[s] = true
				if walk(s, 0) {
					return true
				}
			}
		}
		return false
	}
	return walk(b, i)
}
