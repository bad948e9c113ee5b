package deadlineconn

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

// exportFacts computes the facts of the package's functions that take or
// return a connection, or return a dial func:
//
//   - returnsDialer: a factory whose returned dial func sets a deadline;
//   - setsDeadline: a helper that sets a deadline on its connection
//     parameter (and maybe returns it) without clearing it or closing it;
//   - returnsDeadline: a function that returns a connection of its own
//     with a deadline.
//
// It iterates until no new fact appears, so that helpers calling helpers
// in the same package are found whatever their order.
func (c *checker) exportFacts(insp *inspector.Inspector) {
	info := c.pass.TypesInfo
	type cand struct {
		fn   *types.Func
		decl *ast.FuncDecl
	}
	var cands []cand
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		fn, ok := info.Defs[fd.Name].(*types.Func)
		if !ok || fd.Body == nil {
			continue
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok {
			continue
		}
		interesting := sig.Results().Len() > 0 && (connLike(sig.Results().At(0).Type()) || dialFunc(sig.Results().At(0).Type()))
		for i := range sig.Params().Len() {
			interesting = interesting || connLike(sig.Params().At(i).Type())
		}
		if interesting {
			cands = append(cands, cand{fn, fd})
			c.decls[fn] = fd
		}
	}
	done := make(map[*types.Func]bool)
	for changed, rounds := true, 0; changed && rounds <= len(cands); rounds++ {
		changed = false
		for _, cd := range cands {
			if done[cd.fn] {
				continue
			}
			if fact := c.factoryFact(cd.decl); fact != nil {
				c.pass.ExportObjectFact(cd.fn, fact)
				done[cd.fn], changed = true, true
				continue
			}
			sig := cd.fn.Type().(*types.Signature)
			returnsConn := sig.Results().Len() > 0 && connLike(sig.Results().At(0).Type())
			for i := range sig.Params().Len() {
				p := sig.Params().At(i)
				if !connLike(p.Type()) || !c.setsOnParam(cd.decl.Body, p) {
					continue
				}
				returns := returnsConn && c.returnedVars(cd.decl.Body)[p]
				c.pass.ExportObjectFact(cd.fn, &setsDeadline{Param: i, Returns: returns})
				done[cd.fn], changed = true, true
				break
			}
			if !done[cd.fn] && returnsConn && len(c.uncleared(cd.decl.Type, cd.decl.Body)) > 0 {
				c.pass.ExportObjectFact(cd.fn, new(returnsDeadline))
				done[cd.fn], changed = true, true
			}
		}
	}
}

// dialFunc reports whether t is a func type whose first result is a
// connection: the type of a dial hook.
func dialFunc(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Results().Len() > 0 && connLike(sig.Results().At(0).Type())
}

// setsOnParam reports whether body sets an absolute deadline on the
// connection parameter p that some path carries to the function's exit
// without clearing it or closing the connection.
func (c *checker) setsOnParam(body *ast.BlockStmt, p *types.Var) bool {
	vars := map[*types.Var]bool{p: true}
	sets, clears := c.events(body, vars)
	if len(sets) == 0 || clears != 0 {
		return false
	}
	info := c.pass.TypesInfo
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
	g := cfg.New(body, func(call *ast.CallExpr) bool { return !match.NoReturn(info, call) })
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			if _, ok := n.(*ast.DeferStmt); ok {
				continue
			}
			if evs, _ := c.events(n, vars); len(evs) > 0 && c.reachesExit(b, i+1, p) {
				return true
			}
		}
	}
	return false
}

// closes reports whether n calls p.Close().
func (c *checker) closes(n ast.Node, p *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 0 {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" && varOf(c.pass.TypesInfo, sel.X) == p {
				found = true
			}
		}
		return !found
	})
	return found
}

// reachesExit reports whether a path from node i of block b reaches the
// function's exit without closing p or clearing its deadline.
func (c *checker) reachesExit(b *cfg.Block, i int, p *types.Var) bool {
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
		if len(b.Succs) == 0 {
			return true
		}
		for _, s := range b.Succs {
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

// factoryFact returns the returnsDialer fact of a function that returns a
// dial func (a func literal, a local variable holding one, a function
// with a deadline, or another factory's result) setting an absolute
// deadline on the connection it returns, or nil.
func (c *checker) factoryFact(decl *ast.FuncDecl) *returnsDialer {
	info := c.pass.TypesInfo
	if decl.Type.Results == nil || len(decl.Type.Results.List) == 0 || !dialFunc(info.TypeOf(decl.Type.Results.List[0].Type)) {
		return nil
	}
	var fact *returnsDialer
	inspectNoLit(decl.Body, func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if fact != nil || !ok || len(ret.Results) == 0 {
			return fact == nil
		}
		fact = c.dialFuncFact(decl.Body, ret.Results[0])
		return fact == nil
	})
	return fact
}

// dialFuncFact returns what sets a deadline in the dial func e, returned
// by a factory with body body.
func (c *checker) dialFuncFact(body *ast.BlockStmt, e ast.Expr) *returnsDialer {
	info := c.pass.TypesInfo
	fromEvents := func(evs []event) *returnsDialer {
		if len(evs) == 0 {
			return nil
		}
		return &returnsDialer{Call: evs[0].name, At: c.position(evs[0].call)}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return fromEvents(c.uncleared(e.Type, e.Body))
	case *ast.CallExpr:
		if fn := match.Callee(info, e); fn != nil {
			var f returnsDialer
			if c.pass.ImportObjectFact(fn, &f) {
				return &f
			}
		}
		return nil
	}
	obj := funcObj(info, e)
	if v, ok := obj.(*types.Var); ok {
		if lit := c.localFuncLit(body, v); lit != nil {
			return fromEvents(c.uncleared(lit.Type, lit.Body))
		}
		return nil
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		if d := c.decl(fn); d != nil && d.Body != nil {
			return fromEvents(c.uncleared(d.Type, d.Body))
		}
		return nil
	}
	if c.pass.ImportObjectFact(fn, new(returnsDeadline)) {
		return &returnsDialer{Call: fn.Pkg().Name() + "." + fn.Name()}
	}
	return nil
}

// localFuncLit returns the func literal that the local variable v is
// assigned, if it is assigned exactly once, with one.
func (c *checker) localFuncLit(body *ast.BlockStmt, v *types.Var) *ast.FuncLit {
	info := c.pass.TypesInfo
	var lit *ast.FuncLit
	n := 0
	ast.Inspect(body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.AssignStmt:
			for i, lhs := range node.Lhs {
				if match.ObjectOf(info, lhs) == v {
					n++
					if len(node.Lhs) == len(node.Rhs) {
						lit, _ = ast.Unparen(node.Rhs[i]).(*ast.FuncLit)
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range node.Names {
				if info.Defs[name] == v {
					n++
					if len(node.Names) == len(node.Values) {
						lit, _ = ast.Unparen(node.Values[i]).(*ast.FuncLit)
					}
				}
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return lit
}

// position returns file:line of n, the file without its directory.
func (c *checker) position(n ast.Node) string {
	pos := c.pass.Fset.Position(n.Pos())
	return fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)
}

// checkFactoryHook reports a dial hook that is the result of a factory
// call whose dial func sets a deadline (tr.DialContext = timeoutDialer(…)).
func (c *checker) checkFactoryHook(call *ast.CallExpr, reported map[token.Pos]bool) {
	fn := match.Callee(c.pass.TypesInfo, call)
	var f returnsDialer
	if fn == nil || !c.pass.ImportObjectFact(fn, &f) || reported[call.Pos()] {
		return
	}
	reported[call.Pos()] = true
	name := fn.Name()
	if fn.Pkg() != c.pass.Pkg && fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	what := "the dial func returned by " + name
	if f.At != "" {
		what += fmt.Sprintf(" through %s at %s", f.Call, f.At)
	} else if f.Call != "" {
		what += " through " + f.Call
	}
	suppress.Report(c.pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: fmt.Sprintf(message, what)})
}
