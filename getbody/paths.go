package getbody

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// function holds what getbody learns about one function, computed lazily:
// most functions never need it.
type function struct {
	node ast.Node // *ast.FuncDecl or *ast.FuncLit
	info *types.Info
	idx  *engine.Index
	vars *varFacts
	view *engine.Graph
}

// varFacts records the local variables whose value getbody cannot follow
// (their address is taken, or a nested function assigns them) and the
// request variables whose Method the function assigns.
type varFacts struct {
	unsafe    map[*types.Var]bool
	methodSet map[*types.Var]bool
}

func (c *checker) function(n ast.Node) *function {
	fn := c.funcs[n]
	if fn == nil {
		fn = &function{node: n, info: c.pass.TypesInfo, idx: c.idx}
		c.funcs[n] = fn
	}
	return fn
}

func (fn *function) body() *ast.BlockStmt {
	_, body := match.Func(fn.node)
	return body
}

// declares reports whether v is declared in fn's body (not a parameter,
// not captured from an enclosing function).
func (fn *function) declares(v *types.Var) bool {
	b := fn.body()
	return b != nil && b.Pos() <= v.Pos() && v.Pos() < b.End()
}

func (fn *function) facts() *varFacts {
	if fn.vars != nil {
		return fn.vars
	}
	vf := &varFacts{unsafe: make(map[*types.Var]bool), methodSet: make(map[*types.Var]bool)}
	fn.vars = vf
	b := fn.body()
	if b == nil {
		return vf
	}
	varOf := func(e ast.Expr) *types.Var {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			v, _ := fn.info.ObjectOf(id).(*types.Var)
			return v
		}
		return nil
	}
	var visit func(n ast.Node, nested bool) bool
	visit = func(n ast.Node, nested bool) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if !nested {
				ast.Inspect(n.Body, func(m ast.Node) bool { return visit(m, true) })
				return false
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				// &buf of a bytes.Buffer is how it is used: buffer.go
				// follows what is done with it.
				if v := varOf(n.X); v != nil {
					if isBuf, pointer := bufferType(v.Type()); !isBuf || pointer {
						vf.unsafe[v] = true
					}
				}
			}
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if nested {
					if v := varOf(lhs); v != nil {
						vf.unsafe[v] = true
					}
				}
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == "Method" {
					if v := varOf(sel.X); v != nil {
						vf.methodSet[v] = true
					}
				}
			}
		}
		return true
	}
	ast.Inspect(b, func(n ast.Node) bool { return visit(n, false) })
	return vf
}

// graph returns fn's control-flow graph, the engine's: a path ends at a
// call that never returns (engine.Index.NoReturn).
func (fn *function) graph() *engine.Graph {
	if fn.view == nil {
		fn.view = fn.idx.Func(fn.node).CFG()
	}
	return fn.view
}

// livePreds returns the predecessors of b that are reachable: unreachable
// code reaches nothing.
func (fn *function) livePreds(b *cfg.Block) []*cfg.Block {
	var preds []*cfg.Block
	for _, p := range fn.view.Preds(b) {
		if fn.view.Live(p) {
			preds = append(preds, p)
		}
	}
	return preds
}

// locate returns the block and index of the top-level CFG node that
// contains the position of at.
func (fn *function) locate(at ast.Node) (*cfg.Block, int) {
	g := fn.graph()
	if g == nil {
		return nil, 0
	}
	for _, b := range g.Blocks {
		if !g.Live(b) {
			continue
		}
		for i, n := range b.Nodes {
			if n.Pos() <= at.Pos() && at.End() <= n.End() {
				return b, i
			}
		}
	}
	return nil, 0
}

// A def is one definition of a variable: node defines it with value, the
// tuple-th result of value when tuple >= 0. value is nil for a
// declaration without a value (the zero value).
type def struct {
	node  ast.Node
	value ast.Expr
	tuple int
}

// reachingDefs returns the definitions of the local variable v that reach
// node at. complete is false if some path reaches at from the function's
// entry without a definition, or a definition getbody does not model.
func (fn *function) reachingDefs(info *types.Info, v *types.Var, at ast.Node) (defs []def, complete bool) {
	return fn.reachingDefsVisit(info, v, at, nil)
}

// reachingDefsVisit is reachingDefs that also calls visit, if not nil, on
// every CFG node that lies after a reaching definition on a path to at
// (the nodes where the value of v can be used before at).
func (fn *function) reachingDefsVisit(info *types.Info, v *types.Var, at ast.Node, visit func(ast.Node)) (defs []def, complete bool) {
	b, i := fn.locate(at)
	if b == nil {
		return nil, false
	}
	complete = true
	seen := make(map[*cfg.Block]bool)
	type item struct {
		b    *cfg.Block
		upTo int // scan nodes [0, upTo) backwards
	}
	stack := []item{{b, i}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		found := false
		for j := it.upTo - 1; j >= 0 && !found; j-- {
			d, ok, modeled := defines(info, it.b.Nodes[j], v)
			if !ok {
				if visit != nil {
					visit(it.b.Nodes[j])
				}
				continue
			}
			found = true
			if !modeled {
				complete = false
				continue
			}
			defs = append(defs, d)
		}
		if found {
			continue
		}
		preds := fn.livePreds(it.b)
		if len(preds) == 0 {
			complete = false // reached the entry (or dead code) without a definition
		}
		for _, p := range preds {
			if !seen[p] {
				seen[p] = true
				stack = append(stack, item{p, len(p.Nodes)})
			}
		}
	}
	return defs, complete
}

// defines reports whether the CFG node n defines v; modeled is false for
// definitions whose value getbody does not follow (range loops, op=).
func defines(info *types.Info, n ast.Node, v *types.Var) (d def, ok, modeled bool) {
	is := func(e ast.Expr) bool {
		id, isIdent := ast.Unparen(e).(*ast.Ident)
		return isIdent && info.ObjectOf(id) == v
	}
	switch n := n.(type) {
	case *ast.AssignStmt, *ast.ValueSpec:
		for i, lhs := range match.Assigned(n) {
			if !is(lhs) {
				continue
			}
			if as, ok := n.(*ast.AssignStmt); ok && as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
				return d, true, false
			}
			value, tuple, paired := match.AssignedValue(n, i)
			if !paired {
				return d, true, false
			}
			return def{node: n, value: value, tuple: tuple}, true, true
		}
	case *ast.RangeStmt:
		if (n.Key != nil && is(n.Key)) || (n.Value != nil && is(n.Value)) {
			return d, true, false
		}
	}
	return d, false, false
}
