package bodyclose

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/match"
)

// function holds what bodyclose learns about one function, computed
// lazily: most functions never need a CFG.
type function struct {
	node     ast.Node // *ast.FuncDecl or *ast.FuncLit
	c        *checker
	graph    *cfg.CFG
	lits     []*ast.FuncLit         // nested function literals
	caseTags map[ast.Expr]ast.Expr  // case expression → switch tag
	where    map[ast.Node]nodeWhere // top-level CFG node → its place
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

// cfg returns fn's control-flow graph, built on first use.
func (fn *function) cfg() *cfg.CFG {
	if fn.graph != nil {
		return fn.graph
	}
	fn.graph = cfg.New(fn.body(), func(call *ast.CallExpr) bool { return !match.NoReturn(fn.c.pass.TypesInfo, call) })
	fn.where = make(map[ast.Node]nodeWhere)
	for _, b := range fn.graph.Blocks {
		for i, n := range b.Nodes {
			fn.where[n] = nodeWhere{b, i}
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

// track returns the tracked set of v (a response or body variable of fn)
// with its local aliases.
func (fn *function) track(v *types.Var, isBody bool) *tracked {
	tr := &tracked{primary: v, resp: map[*types.Var]bool{}, body: map[*types.Var]bool{}, holder: map[*types.Var]bool{}}
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
		}
		ast.Inspect(fn.body(), func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						add(n.Lhs[i], n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						add(n.Names[i], n.Values[i])
					}
				}
			}
			return true
		})
	}
	return tr
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

// A drainSite says on which kinds of path a close site is reached
// without a read.
type drainSite struct {
	repeat    bool        // the path goes back to the call or sends another request
	repeatPos token.Pos   // where: the other request, or the loop
	againLoop bool        // the repeat is the loop calling it again
	okReturns []token.Pos // returns of no error
	returns   []token.Pos // every return reached
	errReturn bool        // some path returns a non-nil error, or may
}

type state struct {
	errLive    bool
	errChecked bool // a condition on the source's error was passed
	read       bool
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
				if st.defers == nil {
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
				if st.defers == nil && len(s.tr.resp)+len(s.tr.body) == 1 {
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
				checks := s.errVar != nil && st.errLive && mentionsVar(s.fn.c.pass.TypesInfo, cond, s.errVar)
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
			if s.errVar != nil && st.errLive && mentionsVar(s.fn.c.pass.TypesInfo, last, s.errVar) {
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
	if ret.Return != s.fn.body().Rbrace {
		s.recordLeak(ret, false, false, st.read)
	} else {
		s.recordLeak(nil, true, false, st.read)
	}
}

// drainExit records that close site is reached unread on a path that
// leaves through ret.
func (s *search) drainExit(site ast.Node, ret *ast.ReturnStmt) {
	d := s.drain[site]
	if d == nil {
		return
	}
	pos := ret.Pos()
	if !slices.Contains(d.returns, pos) {
		d.returns = append(d.returns, pos)
	}
	if s.fn.errorReturn(ret) {
		d.errReturn = true
		return
	}
	for _, p := range d.okReturns {
		if p == pos {
			return
		}
	}
	d.okReturns = append(d.okReturns, pos)
}

func (s *search) drainRepeat(site ast.Node, pos token.Pos, again bool) {
	if d := s.drain[site]; d != nil && !d.repeat {
		d.repeat, d.repeatPos, d.againLoop = true, pos, again
	}
}

// sourceCall returns the call that created the tracked response.
func (s *search) sourceCall() *ast.CallExpr {
	var call *ast.CallExpr
	ast.Inspect(s.source, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && call == nil {
			if _, ok := s.fn.c.responseIndex(c); ok {
				call = c
			}
		}
		return call == nil
	})
	return call
}

// sendsRequest reports whether CFG node n sends another request through
// the same client as the source: a call that returns a response to close.
func (s *search) sendsRequest(n ast.Node) bool {
	if r, ok := s.requests[n]; ok {
		return r
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if _, ok := s.fn.c.responseIndex(m); ok && s.fn.c.sameClient(m, s.sourceCall()) {
				found = true
			}
		}
		return true
	})
	s.requests[n] = found
	return found
}

// backEdge handles the edge from block b to succ when it goes back to the
// head of a loop that holds the call, and the response variable is
// declared inside that loop: the next iteration declares a new one, so a
// body still open here leaks at this edge (the continue, the goto or the
// end of the loop body). It reports whether the path ends here.
func (s *search) backEdge(b, succ *cfg.Block, st state) bool {
	if s.source == nil || s.tr.primary == nil {
		return false
	}
	loop, ok := s.fn.loopHead(succ)
	if !ok || s.source.Pos() < loop.Pos() || s.source.End() > loop.End() {
		return false
	}
	if st.closed != nil {
		s.drainRepeat(st.closed, loop.Pos(), true)
		return true
	}
	for _, set := range []map[*types.Var]bool{s.tr.resp, s.tr.body, s.tr.holder} {
		for v := range set {
			if v.Pos() < loop.Pos() || v.Pos() >= loop.End() {
				return false // a variable outlives the loop: the source check handles it
			}
		}
	}
	if st.defers != nil {
		return false
	}
	kind, pos := s.fn.edgeAt(b, loop)
	s.addLeak(leakExit{kind, pos}, st.read)
	return true
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
		if mentionsVar(info, r, s.errVar) {
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

func mentionsVar(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}

// pruned reports whether the branch (true or false) of cond cannot hold
// an open response: the error of the source is not nil there, or the
// response is nil, or the analysis cannot tell.
func (s *search) pruned(cond ast.Expr, branch bool, st state) bool {
	if tag, ok := s.fn.caseTags[cond]; ok {
		// case value of a tag switch: tag == cond
		if s.errVar != nil && st.errLive && mentionsVar(s.fn.c.pass.TypesInfo, tag, s.errVar) {
			return true
		}
		return false
	}
	return s.nilOn(cond, branch, st)
}

func (s *search) nilOn(e ast.Expr, branch bool, st state) bool {
	info := s.fn.c.pass.TypesInfo
	e = ast.Unparen(e)
	sc := &scanner{c: s.fn.c, tr: s.tr}
	switch e := e.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return s.nilOn(e.X, !branch, st)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			if branch {
				return s.nilOn(e.X, true, st) || s.nilOn(e.Y, true, st)
			}
			return s.nilOn(e.X, false, st) && s.nilOn(e.Y, false, st)
		case token.LOR:
			if branch {
				return s.nilOn(e.X, true, st) && s.nilOn(e.Y, true, st)
			}
			return s.nilOn(e.X, false, st) || s.nilOn(e.Y, false, st)
		case token.EQL, token.NEQ:
			var other ast.Expr
			switch {
			case match.IsNil(info, e.Y):
				other = e.X
			case match.IsNil(info, e.X):
				other = e.Y
			}
			if other != nil {
				isNil := (e.Op == token.EQL) == branch // other is nil on this branch
				if s.errVar != nil && st.errLive && match.ObjectOf(info, other) == s.errVar {
					return !isNil
				}
				if sc.isTracked(other) {
					return isNil
				}
			}
		}
	case *ast.CallExpr:
		if s.errVar != nil && st.errLive && mentionsVar(info, e, s.errVar) {
			if fn := match.Callee(info, e); fn != nil {
				switch fn.Name() {
				case "NoError", "NoErrorf", "Nil", "Nilf", "Succeeded":
					return !branch // true means err == nil
				}
			}
			return true // some predicate of the error: cannot tell
		}
	}
	if s.errVar != nil && st.errLive && mentionsVar(info, e, s.errVar) {
		return true
	}
	for v := range s.derived {
		if mentionsVar(info, e, v) {
			return true
		}
	}
	return false
}

// noBodyOn reports whether the response has no body on the branch of
// cond: a 204 or 304 status, or a zero ContentLength.
func (s *search) noBodyOn(cond ast.Expr, branch bool) bool {
	info := s.fn.c.pass.TypesInfo
	sc := &scanner{c: s.fn.c, tr: s.tr}
	isNoBodyValue := func(field string, e ast.Expr) bool {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return false
		}
		v, ok := constant.Int64Val(tv.Value)
		if !ok {
			return false
		}
		if field == "ContentLength" {
			return v == 0
		}
		return v == 204 || v == 304 || (v >= 100 && v < 200)
	}
	field := func(e ast.Expr) string {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if ok && sc.isResp(sel.X) && (sel.Sel.Name == "StatusCode" || sel.Sel.Name == "ContentLength") {
			return sel.Sel.Name
		}
		return ""
	}
	if tag, ok := s.fn.caseTags[cond]; ok {
		return branch && field(tag) != "" && isNoBodyValue(field(tag), cond)
	}
	var rec func(e ast.Expr, branch bool) bool
	rec = func(e ast.Expr, branch bool) bool {
		e = ast.Unparen(e)
		switch e := e.(type) {
		case *ast.UnaryExpr:
			if e.Op == token.NOT {
				return rec(e.X, !branch)
			}
		case *ast.BinaryExpr:
			switch e.Op {
			case token.LAND:
				if branch {
					return rec(e.X, true) || rec(e.Y, true)
				}
				return rec(e.X, false) && rec(e.Y, false)
			case token.LOR:
				if branch {
					return rec(e.X, true) && rec(e.Y, true)
				}
				return rec(e.X, false) || rec(e.Y, false)
			case token.EQL, token.NEQ:
				f, val := field(e.X), e.Y
				if f == "" {
					f, val = field(e.Y), e.X
				}
				if f != "" && isNoBodyValue(f, val) {
					return (e.Op == token.EQL) == branch
				}
			}
		}
		return false
	}
	return rec(cond, branch)
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

// loopHead returns the loop (a for or range statement, or the statement
// labeled by a goto target) whose head block is b.
func (fn *function) loopHead(b *cfg.Block) (ast.Node, bool) {
	switch b.Kind {
	case cfg.KindForLoop, cfg.KindForPost:
		if s, ok := b.Stmt.(*ast.ForStmt); ok {
			return s, true
		}
	case cfg.KindRangeLoop:
		if s, ok := b.Stmt.(*ast.RangeStmt); ok {
			return s, true
		}
	case cfg.KindLabel:
		if l, ok := b.Stmt.(*ast.LabeledStmt); ok {
			if g := fn.gotoTo(l); g != nil {
				return &gotoLoop{l, g}, true
			}
		}
	}
	return nil, false
}

// gotoLoop is the span from a label to the last goto that jumps back to
// it: a loop written with goto.
type gotoLoop struct {
	label *ast.LabeledStmt
	last  *ast.BranchStmt
}

func (g *gotoLoop) Pos() token.Pos { return g.label.Pos() }
func (g *gotoLoop) End() token.Pos { return g.last.End() }

// gotoTo returns the last goto statement of fn that jumps back to label l.
func (fn *function) gotoTo(l *ast.LabeledStmt) *ast.BranchStmt {
	var last *ast.BranchStmt
	for _, br := range fn.branches() {
		if br.Tok == token.GOTO && br.Label != nil && br.Label.Name == l.Label.Name && br.Pos() > l.Pos() {
			last = br
		}
	}
	return last
}

// branches returns the continue and goto statements of fn, outside
// nested function literals, in source order.
func (fn *function) branches() []*ast.BranchStmt {
	fn.cfg()
	if fn.brs == nil {
		fn.brs = []*ast.BranchStmt{}
		ast.Inspect(fn.body(), func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if n.Tok == token.CONTINUE || n.Tok == token.GOTO {
					fn.brs = append(fn.brs, n)
				}
			case *ast.BlockStmt:
				fn.barriers = append(fn.barriers, n.Rbrace)
			case *ast.CaseClause, *ast.CommClause:
				fn.barriers = append(fn.barriers, n.Pos())
			}
			if st, ok := n.(ast.Stmt); ok {
				if _, isBlock := n.(*ast.BlockStmt); !isBlock {
					fn.barriers = append(fn.barriers, st.Pos())
				}
			}
			return true
		})
	}
	return fn.brs
}

// edgeAt names the edge from block b back to the head of loop: the
// continue or goto statement that ends b, or else the end of the loop
// body.
func (fn *function) edgeAt(b *cfg.Block, loop ast.Node) (int, token.Pos) {
	brs := fn.branches()
	anchor := token.NoPos
	if len(b.Nodes) > 0 {
		anchor = b.Nodes[len(b.Nodes)-1].End()
	} else {
		switch s := b.Stmt.(type) {
		case *ast.IfStmt:
			if b.Kind == cfg.KindIfThen {
				anchor = s.Body.Lbrace
			} else if b.Kind == cfg.KindIfElse && s.Else != nil {
				anchor = s.Else.Pos()
			} else {
				anchor = s.End()
			}
		case *ast.CaseClause:
			anchor = s.Colon
		case *ast.CommClause:
			anchor = s.Colon
		case *ast.ForStmt:
			anchor = s.Body.Lbrace
		case *ast.RangeStmt:
			anchor = s.Body.Lbrace
		case *ast.LabeledStmt:
			anchor = s.Colon
		}
	}
	if anchor.IsValid() {
		for _, br := range brs {
			if br.Pos() < anchor {
				continue
			}
			clear := true
			for _, p := range fn.barriers {
				if p > anchor && p < br.Pos() {
					clear = false
					break
				}
			}
			if clear {
				if br.Tok == token.GOTO {
					return leakGoto, br.Pos()
				}
				return leakContinue, br.Pos()
			}
			break
		}
	}
	switch l := loop.(type) {
	case *ast.ForStmt:
		return leakLoopEnd, l.Body.Rbrace
	case *ast.RangeStmt:
		return leakLoopEnd, l.Body.Rbrace
	case *gotoLoop:
		return leakGoto, l.last.Pos()
	}
	return leakLoopEnd, loop.End()
}

// keeps reports whether fn returns a value that holds the tracked
// parameter: itself, its body, a reader wrapping it, a struct or a local
// variable holding one of those (a constructor of a streaming response).
func (fn *function) keeps(tr *tracked) bool {
	sig := fn.sig()
	if sig == nil || sig.Results().Len() == 0 {
		return false
	}
	info := fn.c.pass.TypesInfo
	sc := &scanner{c: fn.c, tr: tr}
	holds := make(map[*types.Var]bool)
	var valueHolds func(e ast.Expr) bool
	valueHolds = func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.Uses[e].(*types.Var)
			return v != nil && (tr.resp[v] || tr.body[v] || holds[v])
		case *ast.SelectorExpr:
			return sc.isBody(e)
		case *ast.UnaryExpr:
			return e.Op == token.AND && valueHolds(e.X)
		case *ast.CompositeLit:
			for _, el := range e.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				if valueHolds(el) {
					return true
				}
			}
		case *ast.CallExpr:
			callee := match.Callee(info, e)
			if callee == nil || !isReaderWrapper(callee) {
				return false
			}
			for _, a := range e.Args {
				if valueHolds(a) {
					return true
				}
			}
		}
		return false
	}
	root := func(e ast.Expr) *types.Var {
		for {
			switch x := ast.Unparen(e).(type) {
			case *ast.SelectorExpr:
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			case *ast.Ident:
				v, _ := info.Uses[x].(*types.Var)
				if v == nil {
					v, _ = info.Defs[x].(*types.Var)
				}
				return v
			default:
				return nil
			}
		}
	}
	for changed := true; changed; {
		changed = false
		mark := func(l, r ast.Expr) {
			w := root(l)
			if w != nil && fn.owns(w) && !holds[w] && !tr.resp[w] && !tr.body[w] && valueHolds(r) {
				holds[w] = true
				changed = true
			}
		}
		ast.Inspect(fn.body(), func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i := range n.Lhs {
						mark(n.Lhs[i], n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i := range n.Names {
						mark(n.Names[i], n.Values[i])
					}
				}
			}
			return true
		})
	}
	found := false
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != sig.Results().Len() {
				return false
			}
			for i, r := range n.Results {
				if !isError(sig.Results().At(i).Type()) && valueHolds(r) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// isReaderWrapper reports whether fn returns a reader (or decoder,
// scanner) over its argument without consuming it.
func isReaderWrapper(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		return false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	switch path {
	case "io":
		return name == "LimitReader" || name == "TeeReader" || name == "MultiReader" || name == "NopCloser"
	case "io/ioutil":
		return name == "NopCloser"
	case "bufio":
		return name == "NewReader" || name == "NewReaderSize" || name == "NewScanner" || name == "NewReadWriter"
	case "encoding/json", "encoding/xml", "encoding/gob", "encoding/base64", "encoding/base32", "encoding/hex":
		return name == "NewDecoder"
	case "encoding/csv", "archive/tar", "archive/zip", "compress/gzip", "compress/zlib", "compress/flate", "compress/bzip2", "mime/multipart":
		return name == "NewReader"
	}
	return false
}
