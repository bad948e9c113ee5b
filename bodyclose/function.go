package bodyclose

// What bodyclose learns about one function, lazily: its control-flow
// graph (the engine's), its function literals and switch case tags,
// where a node sits in the graph, which variables are its own, the local
// aliases of a response or body variable (track), and whether a return
// may carry an error.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// function holds what bodyclose learns about one function, computed
// lazily: most functions never need a CFG.
type function struct {
	node     ast.Node // *ast.FuncDecl or *ast.FuncLit
	c        *checker
	graph    *engine.Graph         // the engine's; nil for a declaration without a body
	scanned  bool                  // graph, lits and caseTags are set, see cfg
	lits     []*ast.FuncLit        // nested function literals
	caseTags map[ast.Expr]ast.Expr // case expression → switch tag
	brs      []*ast.BranchStmt     // continue and goto statements, see branches
	barriers []token.Pos           // statement starts and block ends, see branches
	budget   *engine.Budget        // of the path searches in the function, see search.run
	// neverNil: parameters no call passes nil and the body never
	// assigns, by parameter (see noCallTakes); computed once each.
	neverNil map[*types.Var]bool
	// retrier: the helper that calls the function again (retriedBy),
	// once known; named: its named results, once namedDone.
	retrier   *string
	named     []*types.Var
	namedDone bool
}

func (c *checker) function(n ast.Node) *function {
	fn := c.funcs[n]
	if fn == nil {
		fn = &function{node: n, c: c}
		c.funcs[n] = fn
	}
	return fn
}

func (fn *function) body() *ast.BlockStmt {
	_, body := match.Func(fn.node)
	return body
}

func (fn *function) ftype() *ast.FuncType {
	ftype, _ := match.Func(fn.node)
	return ftype
}

// cfg returns fn's control-flow graph, the engine's, whose paths end at
// the calls that never return (engine.Index.NoReturn); nil when the
// engine has none. The first call also lists fn's literals and case tags.
func (fn *function) cfg() *engine.Graph {
	if fn.scanned {
		return fn.graph
	}
	fn.scanned = true
	if f := fn.c.idx.Func(fn.node); f != nil {
		fn.graph = f.CFG()
	}
	fn.caseTags = make(map[ast.Expr]ast.Expr)
	body := fn.body()
	if body == nil {
		return fn.graph
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			fn.lits = append(fn.lits, n)
			return false
		case *ast.SwitchStmt:
			if n.Tag != nil {
				for _, cc := range n.Body.List {
					if cc, ok := cc.(*ast.CaseClause); ok {
						for _, e := range cc.List {
							fn.caseTags[e] = n.Tag
						}
					}
				}
			}
		}
		return true
	})
	return fn.graph
}

// locate returns the block and index of the top-level graph node that
// contains n (engine.Graph.Locate).
func (fn *function) locate(n ast.Node) (*cfg.Block, int, bool) {
	g := fn.cfg()
	if g == nil {
		return nil, 0, false
	}
	return g.Locate(n)
}

// owns reports whether v is a local variable of fn itself: declared in
// its body, outside nested function literals, or one of its named
// results.
func (fn *function) owns(v *types.Var) bool {
	b := fn.body()
	if v == nil || b == nil {
		return false
	}
	if slices.Contains(fn.namedResults(), v) {
		return true // a bare return hands it on (scanner.scan)
	}
	if v.Pos() < b.Pos() || v.Pos() >= b.End() {
		return false
	}
	fn.cfg()
	for _, lit := range fn.lits {
		if lit.Pos() <= v.Pos() && v.Pos() < lit.End() {
			return false
		}
	}
	return true
}

// namedResults returns fn's named results.
func (fn *function) namedResults() []*types.Var {
	if fn.namedDone {
		return fn.named
	}
	fn.namedDone = true
	ft := fn.ftype()
	if ft == nil || ft.Results == nil {
		return nil
	}
	for _, field := range ft.Results.List {
		for _, name := range field.Names {
			if v, ok := fn.c.pass.TypesInfo.Defs[name].(*types.Var); ok {
				fn.named = append(fn.named, v)
			}
		}
	}
	return fn.named
}

// from returns tr for the response created at pos: holders assigned only
// before it hold an earlier response.
func (tr *tracked) from(pos token.Pos) *tracked {
	if len(tr.holder) == 0 {
		return tr
	}
	cp := *tr
	cp.holder = make(map[*types.Var]bool)
	for w := range tr.holder {
		for _, p := range tr.holderAt[w] {
			if p > pos {
				cp.holder[w] = true
			}
		}
	}
	return &cp
}

// track returns the tracked set of v (a response or body variable of fn)
// with its local aliases.
func (fn *function) track(v *types.Var, isBody bool) *tracked {
	tr := &tracked{primary: v, resp: map[*types.Var]bool{}, body: map[*types.Var]bool{}, holder: map[*types.Var]bool{}, holderAt: map[*types.Var][]token.Pos{}, results: fn.namedResults(), retriedBy: fn.retriedBy()}
	if isBody {
		tr.body[v] = true
	} else {
		tr.resp[v] = true
	}
	s := &scanner{c: fn.c, tr: tr}
	info := fn.c.pass.TypesInfo
	for changed := true; changed; {
		changed = false
		add := func(lhs, rhs ast.Expr) {
			id, ok := ast.Unparen(lhs).(*ast.Ident)
			if !ok {
				return
			}
			w, _ := info.ObjectOf(id).(*types.Var)
			if w == nil || !fn.owns(w) || tr.resp[w] || tr.body[w] || tr.holder[w] {
				return
			}
			switch {
			case s.isResp(rhs) && match.IsResponse(w.Type()):
				tr.resp[w] = true
				changed = true
			case s.isBody(rhs):
				tr.body[w] = true
				changed = true
			case !isBody && s.holds(rhs) && !tr.holder[w] && fn.c.closureOf(w) == nil:
				tr.holder[w] = true
				changed = true
			}
			if tr.holder[w] && !slices.Contains(tr.holderAt[w], lhs.Pos()) {
				tr.holderAt[w] = append(tr.holderAt[w], lhs.Pos())
			}
		}
		fn.eachAssignment(add)
	}
	return tr
}

// eachAssignment calls f with each left- and right-hand side paired one to
// one in fn's own assignments and var declarations, not those of the
// function literals inside it.
func (fn *function) eachAssignment(f func(lhs, rhs ast.Expr)) {
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt, *ast.ValueSpec:
			for i, lhs := range match.Assigned(n) {
				if rhs, tuple, _ := match.AssignedValue(n, i); rhs != nil && tuple < 0 {
					f(lhs, rhs)
				}
			}
		}
		return true
	})
}

// sig returns fn's signature, or nil.
func (fn *function) sig() *types.Signature {
	info := fn.c.pass.TypesInfo
	switch n := fn.node.(type) {
	case *ast.FuncDecl:
		if f, ok := info.Defs[n.Name].(*types.Func); ok {
			s, _ := f.Type().(*types.Signature)
			return s
		}
	case *ast.FuncLit:
		s, _ := info.TypeOf(n).(*types.Signature)
		return s
	}
	return nil
}

// errorReturn reports whether ret returns an error: one of its error
// results is not the literal nil. A bare return of named results counts
// as one (the analysis cannot tell); a call returning them all does not
// (return http.Get(u): its error is nil when it succeeds).
func (fn *function) errorReturn(ret *ast.ReturnStmt) bool {
	sig := fn.sig()
	if sig == nil {
		return true
	}
	res := sig.Results()
	var errs []int
	for i := 0; i < res.Len(); i++ {
		if isError(res.At(i).Type()) {
			errs = append(errs, i)
		}
	}
	if len(errs) == 0 {
		return false
	}
	switch {
	case len(ret.Results) == 1 && res.Len() > 1:
		return false // return f(): f's error may be nil
	case len(ret.Results) != res.Len():
		return true // a bare return of named results: unknown
	}
	for _, i := range errs {
		if !match.IsNil(fn.c.pass.TypesInfo, ret.Results[i]) {
			return true
		}
	}
	return false
}
