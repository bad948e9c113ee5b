package bodyclose

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
	graph    *cfg.CFG
	shared   *engine.Graph          // the engine's graph when graph is it, for its node index
	lits     []*ast.FuncLit         // nested function literals
	caseTags map[ast.Expr]ast.Expr  // case expression → switch tag
	where    map[ast.Node]nodeWhere // top-level CFG node → its place, when graph is not shared
	brs      []*ast.BranchStmt      // continue and goto statements, see branches
	barriers []token.Pos            // statement starts and block ends, see branches
}

type nodeWhere struct {
	b *cfg.Block
	i int
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

// cfg returns fn's control-flow graph, on first use: the engine's, seen
// as if only the calls match.NoReturn names ended a path (bodyclose's
// knowledge before the engine, so its paths are unchanged), as cfg.New
// would build it (see engine.View.Built: the walks read blocks, and the
// return at the end of the body). It is the shared graph unless a call
// the engine knows never returns (a function with its noReturn fact)
// must return here.
func (fn *function) cfg() *cfg.CFG {
	if fn.graph != nil {
		return fn.graph
	}
	info := fn.c.pass.TypesInfo
	mayReturn := func(call *ast.CallExpr) bool { return !match.NoReturn(info, call) }
	var g *engine.Graph
	if f := fn.c.idx.Func(fn.node); f != nil {
		g = f.CFG()
	}
	if g != nil {
		fn.graph = g.View(mayReturn).Built()
	} else {
		fn.graph = cfg.New(fn.body(), mayReturn) // not a function of the package: cannot happen
	}
	if g != nil && fn.graph == g.CFG {
		fn.shared = g
	} else {
		fn.where = make(map[ast.Node]nodeWhere)
		for _, b := range fn.graph.Blocks {
			for i, n := range b.Nodes {
				fn.where[n] = nodeWhere{b, i}
			}
		}
	}
	fn.caseTags = make(map[ast.Expr]ast.Expr)
	ast.Inspect(fn.body(), func(n ast.Node) bool {
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

// locate returns the block and index of the top-level CFG node that
// contains n.
func (fn *function) locate(n ast.Node) (*cfg.Block, int, bool) {
	fn.cfg()
	if fn.shared != nil {
		return fn.shared.Locate(n) // the same lookup, on the engine's index
	}
	if w, ok := fn.where[n]; ok {
		return w.b, w.i, true
	}
	for _, b := range fn.graph.Blocks {
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

// owns reports whether v is a local variable of fn itself: declared in
// its body, outside nested function literals.
func (fn *function) owns(v *types.Var) bool {
	b := fn.body()
	if v == nil || b == nil || v.Pos() < b.Pos() || v.Pos() >= b.End() {
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
	tr := &tracked{primary: v, resp: map[*types.Var]bool{}, body: map[*types.Var]bool{}, holder: map[*types.Var]bool{}, holderAt: map[*types.Var][]token.Pos{}}
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
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					f(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					f(n.Names[i], n.Values[i])
				}
			}
		}
		return true
	})
}

// A search follows the paths from one point of a function (a source, or
// the entry for a parameter) and records what happens to the response.
type search struct {
	fn     *function
	tr     *tracked
	errVar *types.Var // the error result of the source call, if any
	source ast.Node   // the CFG node of the source, nil for a parameter
	cache  map[ast.Node]*events
	seen   map[visit]bool
	// derived are variables computed from the source's error
	// (retry, err := shouldRetry(ctx, err)): tests of them end the path.
	derived map[*types.Var]bool

	// results
	leak        ast.Node   // where the first leaking path ends (a return, the source, an assignment) or nil
	leakEnd     bool       // the leak is falling off the end of the function
	leakAssign  bool       // the leak is an assignment of the variable
	leakRead    bool       // the body was read on the leaking path
	leaks       []leakExit // every leaking exit, in the order found
	anyClose    bool
	anyTransfer bool
	anyRead     bool
	exits       int                     // paths that return
	exitUnread  bool                    // some path returns without reading the body to EOF
	drain       map[ast.Node]*drainSite // close sites reached on a path without a read
	drainOrder  []ast.Node
	requests    map[ast.Node]bool // CFG nodes that send another request (cache)
}

// A leakExit is one place where a path leaves with the body open.
type leakExit struct {
	kind int // leakReturn, leakEnd, leakAssign, leakAgain, leakContinue, leakGoto, leakLoopEnd
	pos  token.Pos
}

const (
	leakReturn   = iota // a return statement
	leakEnd             // falling off the end of the function
	leakAssign          // the response variable is assigned again
	leakAgain           // the path reaches the call again, the variable outlives the loop
	leakContinue        // a continue goes back to the call
	leakGoto            // a goto goes back to the call
	leakLoopEnd         // the end of the loop body goes back to the call
)

type state struct {
	errLive    bool
	errChecked bool // a condition on the source's error was passed
	read       bool
	eof        bool // read to EOF or a read error: the connection is released
	noBody     bool
	defers     ast.Node // the deferred close, if one is registered
	earlyDefer bool     // the deferred close was registered before the error check
	closed     ast.Node // closed unread by this close site: the path goes on to classify it
}

type visit struct {
	b  *cfg.Block
	i  int
	st state
}

func (fn *function) newSearch(tr *tracked) *search {
	return &search{fn: fn, tr: tr, cache: map[ast.Node]*events{}, seen: map[visit]bool{}, drain: map[ast.Node]*drainSite{}, requests: map[ast.Node]bool{}}
}

func (s *search) events(n ast.Node) *events {
	if ev, ok := s.cache[n]; ok {
		return ev
	}
	ev := new(events)
	sc := &scanner{c: s.fn.c, tr: s.tr, ev: ev}
	sc.scan(n)
	s.cache[n] = ev
	return ev
}

// run explores all paths from node index i of block b on, in state st.
func (s *search) run(b *cfg.Block, i int, st state) {
	type item struct {
		b  *cfg.Block
		i  int
		st state
	}
	stack := []item{{b, i, st}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		k := visit{it.b, it.i, it.st}
		if s.seen[k] {
			continue
		}
		s.seen[k] = true
		b, st := it.b, it.st
		ended := false
		for j := it.i; j < len(b.Nodes) && !ended; j++ {
			n := b.Nodes[j]
			if st.closed != nil {
				// Closed unread: only what comes next matters, the call
				// again or another request reusing the connection.
				if n == s.source {
					s.drainRepeat(st.closed, n.Pos(), true)
					ended = true
				} else if s.sendsRequest(n) {
					s.drainRepeat(st.closed, n.Pos(), false)
					ended = true
				}
				continue
			}
			if n == s.source {
				// Back at the call (a loop): the response is overwritten.
				if st.defers == nil && !st.eof {
					s.recordLeak(n, false, true, st.read)
				}
				ended = true
				break
			}
			ev := s.events(n)
			if ev.read {
				s.anyRead = true
				st.read = true
			}
			if ev.readEOF {
				st.eof = true
			}
			if ev.transfer {
				s.anyTransfer = true
				ended = true
				break
			}
			if ev.close {
				s.anyClose = true
				if st.defers == nil && !st.read && !st.noBody && s.source != nil && ev.closeCall != nil {
					s.addDrain(ev.closeCall)
					st.closed = ev.closeCall
					continue // follow the path: does the lost reuse repeat?
				}
				ended = true
				break
			}
			if ev.deferClose {
				s.anyClose = true
				if st.defers != nil {
					ended = true // closed twice: nothing more to learn
					break
				}
				st.defers = ev.closeCall
				if s.errVar != nil && st.errLive && !st.errChecked {
					// defer resp.Body.Close() before if err != nil: go vet's
					// httpresponse finding, not a drain one.
					st.earlyDefer = true
				}
				if ev.deferRead {
					st.read = true
				}
			}
			if ev.assign {
				if st.defers == nil && !st.eof && len(s.tr.resp)+len(s.tr.body)+len(s.tr.holder) == 1 {
					s.recordLeak(n, false, true, st.read)
				}
				ended = true
				break
			}
			if s.errVar != nil && st.errLive && assigns(s.fn.c.pass.TypesInfo, n, s.errVar) {
				if !s.derive(n) {
					st.errLive = false
				}
			}
		}
		if ended {
			continue
		}
		if len(b.Succs) == 0 {
			s.exit(b, st)
			continue
		}
		if len(b.Succs) == 2 && len(b.Nodes) > 0 {
			last := b.Nodes[len(b.Nodes)-1]
			if cond, ok := last.(ast.Expr); ok {
				checks := s.errVar != nil && st.errLive && match.Mentions(s.fn.c.pass.TypesInfo, cond, s.errVar)
				for k, succ := range b.Succs {
					branch := k == 0
					if s.pruned(cond, branch, st) {
						continue
					}
					nst := st
					if checks {
						nst.errChecked = true
					}
					if s.noBodyOn(cond, branch) {
						nst.noBody = true
					}
					if s.backEdge(b, succ, nst) {
						continue
					}
					stack = append(stack, item{succ, 0, nst})
				}
				continue
			}
			if s.errVar != nil && st.errLive && match.Mentions(s.fn.c.pass.TypesInfo, last, s.errVar) {
				continue // a type switch on the error: stay silent
			}
		}
		for _, succ := range b.Succs {
			if s.backEdge(b, succ, st) {
				continue
			}
			stack = append(stack, item{succ, 0, st})
		}
	}
}

// exit handles a path that leaves the function at the end of block b.
func (s *search) exit(b *cfg.Block, st state) {
	var last ast.Node
	if len(b.Nodes) > 0 {
		last = b.Nodes[len(b.Nodes)-1]
	}
	ret, ok := last.(*ast.ReturnStmt)
	if !ok {
		// panic, os.Exit, t.Fatal (the path does not return), or the
		// dead end after the last case of a select without default.
		return
	}
	s.exits++
	if !st.eof {
		s.exitUnread = true
	}
	if st.closed != nil {
		s.drainExit(st.closed, ret)
		return
	}
	if st.defers != nil {
		if !st.read && !st.noBody && !st.earlyDefer && s.source != nil {
			s.addDrain(st.defers)
			s.drainExit(st.defers, ret)
		}
		return
	}
	if st.eof {
		return // read to EOF: the Transport released the connection
	}
	if ret.Return != s.fn.body().Rbrace {
		s.recordLeak(ret, false, false, st.read)
	} else {
		s.recordLeak(nil, true, false, st.read)
	}
}

// derive handles an assignment of the error variable from an expression
// of itself (retry, err := shouldRetry(ctx, err); err = wrap(err)): the
// error stays live, and the other variables it assigns become predicates
// of the error that the analysis cannot interpret. It reports whether n
// is such an assignment.
func (s *search) derive(n ast.Node) bool {
	info := s.fn.c.pass.TypesInfo
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return false
	}
	derived := false
	for _, r := range as.Rhs {
		if match.Mentions(info, r, s.errVar) {
			derived = true
		}
	}
	if !derived {
		return false
	}
	for _, l := range as.Lhs {
		if v, ok := match.ObjectOf(info, l).(*types.Var); ok && v != s.errVar {
			if s.derived == nil {
				s.derived = make(map[*types.Var]bool)
			}
			s.derived[v] = true
		}
	}
	return true
}

func (s *search) recordLeak(n ast.Node, end, assign, read bool) {
	var e leakExit
	switch {
	case end:
		e = leakExit{leakEnd, s.fn.body().Rbrace}
	case assign && n == s.source:
		e = leakExit{leakAgain, n.Pos()}
	case assign:
		e = leakExit{leakAssign, n.Pos()}
	default:
		e = leakExit{leakReturn, n.Pos()}
	}
	if s.leak == nil && !s.leakEnd {
		s.leak, s.leakEnd, s.leakAssign, s.leakRead = n, end, assign, read
	}
	s.addLeak(e, read)
}

func (s *search) addLeak(e leakExit, read bool) {
	if s.leak == nil && !s.leakEnd {
		// The first leak: a back edge counts as reaching the call again.
		s.leak, s.leakAssign, s.leakRead = s.source, true, read
		if s.source == nil {
			s.leakEnd = true
		}
	}
	if !read {
		s.leakRead = false
	}
	for _, x := range s.leaks {
		if x == e {
			return
		}
	}
	s.leaks = append(s.leaks, e)
}

func (s *search) addDrain(n ast.Node) {
	if n == nil || s.drain[n] != nil {
		return
	}
	s.drain[n] = new(drainSite)
	s.drainOrder = append(s.drainOrder, n)
}

// assigns reports whether node n assigns v.
func assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	var lhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		lhs = n.Lhs
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
	case *ast.RangeStmt:
		lhs = []ast.Expr{n.Key, n.Value}
	default:
		return false
	}
	for _, l := range lhs {
		if l != nil && match.ObjectOf(info, l) == v {
			return true
		}
	}
	return false
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

// errorReturn reports whether ret may return a non-nil error: one of its
// error results is not the literal nil. A bare return of named results,
// or a call returning them all, counts as an error: the analysis cannot
// tell.
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
	if len(ret.Results) != res.Len() {
		return true
	}
	for _, i := range errs {
		if !match.IsNil(fn.c.pass.TypesInfo, ret.Results[i]) {
			return true
		}
	}
	return false
}
