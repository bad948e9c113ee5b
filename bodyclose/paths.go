package bodyclose

// The path search: from a source, or from the entry for a parameter,
// along every path of the function's control-flow graph to its exits,
// following what each node does to the response (its events, uses.go)
// and recording where a path leaves with the body open and where it
// closes the body unread. Branches are pruned in conditions.go, back
// edges to the call handled in loops.go, unread closes classified in
// drain.go.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

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
	transfers   []ast.Node // the nodes where a path hands the response on
	retryDrop   bool       // a path returns it with an error to a retry helper (retried.go)
	anyRead     bool
	exits       int                     // paths that return
	exitUnread  bool                    // some path returns without reading the body to EOF
	drain       map[ast.Node]*drainSite // close sites reached on a path without a read
	drainOrder  []ast.Node
	requests    map[ast.Node]bool // CFG nodes that send another request (cache)

	// gaveUp is set when the function's search budget ran out during
	// the search: its results are partial and must not be reported.
	gaveUp bool
}

// A leakExit is one place where a path leaves with the body open.
type leakExit struct {
	kind   int // leakReturn, leakEnd, leakAssign, leakAgain, leakContinue, leakGoto, leakLoopEnd
	pos    token.Pos
	eof    bool // the path read the body to EOF (strict mode only)
	noBody bool // the response has no body on the path (strict mode only)
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
	free       bool     // no body and not a 101: the connection went back with the header
}

// released reports whether the connection is back in the pool on the
// path whatever happens to the body: it was read to EOF, or the response
// has none and is no 101 (net/http's readLoop puts the connection of a
// response without a body back at once).
func (st state) released() bool { return st.eof || st.free }

type visit struct {
	b  *cfg.Block
	i  int
	st state
}

func (fn *function) newSearch(tr *tracked) *search {
	if fn.budget == nil {
		fn.budget = engine.NewBudget()
	}
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

// pathItem is a point of a path still to explore: node index i of block
// b, in state st.
type pathItem struct {
	b  *cfg.Block
	i  int
	st state
}

// run explores all paths from node index i of block b on, in state st.
// Each node visited spends a step of the function's budget: once it is
// spent, the search stops and sets gaveUp (the searches from each of n
// sources visit up to the whole function: n times its size in all).
func (s *search) run(b *cfg.Block, i int, st state) {
	stack := []pathItem{{b, i, st}}
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
			if !s.fn.budget.Spend() {
				s.gaveUp = true
				return
			}
			ended = s.visitNode(b.Nodes[j], &st)
		}
		if ended {
			continue
		}
		if !s.fn.budget.Spend() { // a block without nodes costs a step too
			s.gaveUp = true
			return
		}
		if len(b.Succs) == 0 {
			s.exit(b, st)
			continue
		}
		stack = append(stack, s.successors(b, st)...)
	}
}

// visitNode follows the path through node n, updating st, and reports
// whether the path ends there (nothing more to learn on it).
func (s *search) visitNode(n ast.Node, st *state) (ended bool) {
	if st.closed != nil {
		// Closed unread: only what comes next matters, the call
		// again or another request reusing the connection.
		if n == s.source {
			s.drainRepeat(st.closed, n.Pos(), true)
			return true
		} else if s.sendsRequest(n) {
			s.drainRepeat(st.closed, n.Pos(), false)
			return true
		}
		return false
	}
	if n == s.source {
		// Back at the call (a loop): the response is overwritten.
		if st.defers == nil && (!st.released() || s.fn.c.strict) {
			s.recordLeak(n, false, true, *st)
		}
		return true
	}
	ev := s.events(n)
	if ev.retryDrop {
		s.retryDrop = true
	}
	if ev.read {
		s.anyRead = true
		st.read = true
	}
	if ev.readEOF {
		st.eof = true
	}
	if ev.transfer {
		s.anyTransfer = true
		s.transfers = append(s.transfers, n)
		return true
	}
	if ev.close {
		s.anyClose = true
		if st.defers == nil && !st.read && !st.noBody && s.source != nil && ev.closeCall != nil {
			s.addDrain(ev.closeCall)
			st.closed = ev.closeCall
			return false // follow the path: does the lost reuse repeat?
		}
		return true
	}
	if ev.deferClose {
		s.anyClose = true
		if st.defers != nil {
			return true // closed twice: nothing more to learn
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
		if st.defers == nil && (!st.released() || s.fn.c.strict) && len(s.tr.resp)+len(s.tr.body)+len(s.tr.holder) == 1 {
			s.recordLeak(n, false, true, *st)
		}
		return true
	}
	if s.errVar != nil && st.errLive && assigns(s.fn.c.pass.TypesInfo, n, s.errVar) {
		if !s.derive(n) {
			st.errLive = false
		}
	}
	return false
}

// successors returns the successors of block b to explore in state st,
// in the order they are pushed: the branches of a condition not pruned,
// each in the state its condition implies.
func (s *search) successors(b *cfg.Block, st state) []pathItem {
	var next []pathItem
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
					nst.free = nst.free || s.releasedOn(cond, branch)
				}
				if s.backEdge(b, succ, nst) {
					continue
				}
				next = append(next, pathItem{succ, 0, nst})
			}
			return next
		}
		if s.errVar != nil && st.errLive && match.Mentions(s.fn.c.pass.TypesInfo, last, s.errVar) {
			return nil // a type switch on the error: stay silent
		}
	}
	for _, succ := range b.Succs {
		if s.backEdge(b, succ, st) {
			continue
		}
		next = append(next, pathItem{succ, 0, st})
	}
	return next
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
	if st.released() && !s.fn.c.strict {
		return // read to EOF, or no body: the Transport released the connection
	}
	if ret.Return != s.fn.body().Rbrace {
		s.recordLeak(ret, false, false, st)
	} else {
		s.recordLeak(nil, true, false, st)
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

func (s *search) recordLeak(n ast.Node, end, assign bool, st state) {
	e := leakExit{kind: leakReturn, eof: st.eof, noBody: st.free}
	switch {
	case end:
		e.kind, e.pos = leakEnd, s.fn.body().Rbrace
	case assign && n == s.source:
		e.kind, e.pos = leakAgain, n.Pos()
	case assign:
		e.kind, e.pos = leakAssign, n.Pos()
	default:
		e.pos = n.Pos()
	}
	read := st.read || st.eof
	if s.leak == nil && !s.leakEnd {
		s.leak, s.leakEnd, s.leakAssign, s.leakRead = n, end, assign, read
	}
	s.addLeak(e, read)
}

// eofOnly reports whether every leaking path of s read the body to EOF:
// the connection is released, and the leak (reported in strict mode only)
// breaks the contract at no cost.
func (s *search) eofOnly() bool {
	for _, e := range s.leaks {
		if !e.eof && !e.noBody {
			return false
		}
	}
	return len(s.leaks) > 0
}

// readOnly reports whether every leaking path of s read the body to EOF.
func (s *search) readOnly() bool {
	for _, e := range s.leaks {
		if !e.eof {
			return false
		}
	}
	return len(s.leaks) > 0
}

// noBodyOnly reports whether every leaking path of s is one where the
// response has no body (a 204, 304 or 1xx tested on the path): the
// Transport released the connection when it read the header.
func (s *search) noBodyOnly() bool {
	for _, e := range s.leaks {
		if !e.noBody {
			return false
		}
	}
	return len(s.leaks) > 0
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
	for _, l := range match.Assigned(n) {
		if match.ObjectOf(info, l) == v {
			return true
		}
	}
	return false
}
