package bodyclose

// Uses: what one node does with a tracked response or its body (reads
// it, closes it, defers a close, hands it on, assigns the variable
// again), as the events the path search follows. A call is read through
// the known std callees (callees.go), the body of a closure
// (closures.go) or the callee's facts (facts.go).

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// tracked is the set of variables that hold one response (resp) or its
// body (body) in one function: the variable a response is assigned to, or
// a parameter, and its local aliases (r := resp, body := resp.Body).
type tracked struct {
	primary *types.Var // reassigning it drops the response
	resp    map[*types.Var]bool
	body    map[*types.Var]bool
	// holders are local variables assigned a struct literal that holds
	// the response (result := &Result{Resp: resp}): their fields stand
	// for it, and the holder passed on passes it on.
	holder   map[*types.Var]bool
	holderAt map[*types.Var][]token.Pos // where each holder is assigned the response
	// results are the function's named results: a bare return hands on
	// those that hold the response.
	results []*types.Var
	// retriedBy names the helper that calls the function, a literal,
	// again after an error (retried.go), or is empty.
	retriedBy string
}

// events says what one CFG node does with a tracked response.
type events struct {
	read       bool          // reads the body (or may: a reader call)
	readEOF    bool          // reads it to EOF or to a read error: io.ReadAll, io.Copy
	close      bool          // closes the body now
	deferClose bool          // registers a deferred close
	deferRead  bool          // the deferred function reads the body first
	transfer   bool          // hands the response or body on: the obligation goes with it
	assign     bool          // assigns the primary variable
	retryDrop  bool          // returns it with an error to a retry helper, which drops it
	closeCall  *ast.CallExpr // the Close call (for a deferred close too)
}

// scanner classifies the uses of tracked variables in a node.
type scanner struct {
	c     *checker
	tr    *tracked
	ev    *events
	depth int // nesting of function literals looked into
}

func (s *scanner) info() *types.Info { return s.c.pass.TypesInfo }

func (s *scanner) varOf(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := s.info().Uses[id].(*types.Var)
	if v == nil {
		v, _ = s.info().Defs[id].(*types.Var)
	}
	return v
}

// isResp reports whether e denotes the tracked response: a variable, or a
// response field of a holder.
func (s *scanner) isResp(e ast.Expr) bool {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		if v := s.varOf(sel.X); v != nil && s.tr.holder[v] {
			return match.IsResponse(s.info().TypeOf(sel))
		}
		return false
	}
	v := s.varOf(e)
	return v != nil && s.tr.resp[v]
}

// isBody reports whether e denotes the tracked body: resp.Body or an
// alias of it.
func (s *scanner) isBody(e ast.Expr) bool {
	e = ast.Unparen(e)
	if v := s.varOf(e); v != nil {
		return s.tr.body[v]
	}
	if sel, ok := e.(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
		return s.isResp(sel.X)
	}
	return false
}

func (s *scanner) isTracked(e ast.Expr) bool { return s.isResp(e) || s.isBody(e) }

// mentions reports whether n refers to a tracked variable.
func (s *scanner) mentions(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if v, _ := s.info().Uses[id].(*types.Var); v != nil && (s.tr.resp[v] || s.tr.body[v] || s.tr.holder[v] || s.closureMentions(v)) {
				found = true
			}
		}
		return true
	})
	return found
}

// closureMentions reports whether v holds a function literal that uses
// the tracked response.
func (s *scanner) closureMentions(v *types.Var) bool {
	lit := s.c.closureOf(v)
	if lit == nil || s.depth > 3 {
		return false
	}
	s.depth++
	defer func() { s.depth-- }()
	return s.mentions(lit.Body)
}

// litEvents classifies what the body of a function literal, run now or
// later, does with the tracked response.
func (s *scanner) litEvents(lit *ast.FuncLit) events {
	var sub events
	if s.depth > 3 {
		sub.transfer = true
		return sub
	}
	inner := &scanner{c: s.c, tr: s.tr, ev: &sub, depth: s.depth + 1}
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case ast.Stmt:
			switch n.(type) {
			case *ast.AssignStmt, *ast.ExprStmt, *ast.ReturnStmt, *ast.DeferStmt, *ast.GoStmt, *ast.SendStmt, *ast.IncDecStmt, *ast.DeclStmt:
				inner.scan(n)
				return false
			}
		case ast.Expr:
			inner.expr(n) // if/for/switch conditions
			return false
		}
		return true
	})
	return sub
}

// litCall classifies a call of a function literal, written in place or
// held by a local variable: what its body does with the captured
// response, and what its parameters' fact says of the arguments.
func (s *scanner) litCall(call *ast.CallExpr, lit *ast.FuncLit) events {
	var ev events
	if s.mentions(lit.Body) {
		ev = s.litEvents(lit)
		if ev.close && ev.closeCall == nil {
			ev.closeCall = call
		}
	}
	fact := s.c.litParams(lit)
	for i, a := range call.Args {
		if !s.isTracked(a) {
			sub := &scanner{c: s.c, tr: s.tr, ev: &ev, depth: s.depth}
			sub.expr(a)
			continue
		}
		switch {
		case fact == nil || call.Ellipsis.IsValid():
			ev.transfer = true
		case has(fact.Closes, i):
			ev.close = true
			ev.closeCall = call
			ev.read = ev.read || has(fact.Reads, i)
			if !has(fact.Reads, i) {
				ev.transfer = true
			}
		case has(fact.Borrows, i):
			ev.read = ev.read || has(fact.Reads, i)
		default:
			ev.transfer = true
		}
	}
	return ev
}

func (ev *events) merge(o events) {
	ev.read = ev.read || o.read
	ev.readEOF = ev.readEOF || o.readEOF
	ev.transfer = ev.transfer || o.transfer || o.assign
	if o.close {
		ev.close = true
		if ev.closeCall == nil {
			ev.closeCall = o.closeCall
		}
	}
	if o.deferClose {
		ev.transfer = true // a defer inside a called literal: runs when it returns
	}
}

// scan classifies the uses in node n (a CFG node: statement or expression).
func (s *scanner) scan(n ast.Node) {
	switch n := n.(type) {
	case *ast.AssignStmt:
		s.assign(n.Lhs, n.Rhs)
		return
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			lhs[i] = id
		}
		s.assign(lhs, n.Values)
		return
	case *ast.DeferStmt:
		s.deferred(n)
		return
	case *ast.ReturnStmt:
		if s.dropsOnRetry(n) {
			s.ev.retryDrop = true // not handed on: the helper drops it
			return
		}
		for _, v := range s.tr.results {
			if len(n.Results) == 0 && (s.tr.resp[v] || s.tr.body[v] || s.tr.holder[v]) {
				s.ev.transfer = true // a bare return hands the named result on
				return
			}
		}
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && s.discardedKeeper(call) {
			return
		}
	case *ast.GoStmt:
		if !s.mentions(n) {
			return
		}
		// A goroutine that closes the body, or passes it on, owns it; one
		// that only reads it leaves the Close to nobody.
		var sub events
		if lit := s.c.litOf(n.Call.Fun); lit != nil {
			sub = s.litCall(n.Call, lit)
		} else {
			inner := &scanner{c: s.c, tr: s.tr, ev: &sub, depth: s.depth}
			inner.expr(n.Call)
		}
		if sub.close || sub.deferClose || sub.transfer || sub.assign || !sub.read {
			s.ev.transfer = true
		}
		return
	}
	s.expr(n)
}

// assign classifies lhs = rhs (or :=, or a var spec).
func (s *scanner) assign(lhs, rhs []ast.Expr) {
	rewrapped := make([]bool, len(lhs))
	for i, r := range rhs {
		if len(lhs) == len(rhs) {
			if s.rewraps(lhs[i], r) {
				rewrapped[i] = true
				continue // resp.Body = wrap(resp.Body): the response still owes the Close
			}
			if v := s.varOf(lhs[i]); v != nil && v != s.tr.primary && (s.tr.resp[v] || s.tr.body[v]) && s.isTracked(r) {
				continue // an alias takes the value: tracked as well
			}
			if id, ok := ast.Unparen(lhs[i]).(*ast.Ident); ok && id.Name == "_" && (s.isTracked(r) || s.c.litOf(r) != nil) {
				continue // _ = resp hands nothing on, nor _ = cleanup
			}
			if id, ok := ast.Unparen(lhs[i]).(*ast.Ident); ok && id.Name == "_" {
				if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && s.discardedKeeper(call) {
					continue
				}
			}
			if v := s.varOf(lhs[i]); v != nil && s.tr.holder[v] && s.holds(r) {
				s.holderElts(r)
				continue // result := &Result{Resp: resp}: the holder stands for it
			}
			if lit, ok := ast.Unparen(r).(*ast.FuncLit); ok && s.c.closureOf(s.varOf(lhs[i])) == lit {
				continue // looked into where it is called
			}
		}
		s.expr(r)
	}
	for i, l := range lhs {
		if rewrapped[i] {
			continue
		}
		if v := s.varOf(l); v != nil {
			if v == s.tr.primary {
				s.ev.assign = true
			}
			continue // assigning a variable does not use it
		}
		s.expr(l) // resp.Body = …, m[resp] = …, *p = …
	}
}

// rewraps reports whether l = r puts a reader over the tracked body back
// into the tracked response: resp.Body = gzipBody{zr, resp.Body}. The
// body stays the response's, and closing resp.Body closes it: neither a
// transfer nor a close.
func (s *scanner) rewraps(l, r ast.Expr) bool {
	sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Body" || !s.isResp(sel.X) {
		return false
	}
	found := false
	ast.Inspect(r, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && !found && s.isBody(e) {
			found = true
		}
		return !found
	})
	return found
}

// deferred classifies a defer statement.
func (s *scanner) deferred(d *ast.DeferStmt) {
	call := d.Call
	if s.isCloseCall(call) {
		s.ev.deferClose = true
		s.ev.closeCall = call
		return
	}
	if lit := s.c.litOf(call.Fun); lit != nil {
		// defer func() { …; resp.Body.Close() }(), defer cleanup(), or
		// defer func(b io.Closer) { … }(resp.Body)
		s.deferredEvents(s.litCall(call, lit))
		return
	}
	// Another deferred call: a helper that closes it, or not.
	var sub events
	inner := &scanner{c: s.c, tr: s.tr, ev: &sub}
	inner.expr(call)
	s.deferredEvents(sub)
}

// deferredEvents records what a deferred call does, its events sub, at
// the defer: a close then, or a hand-off (it reads the body later:
// unclear, stay silent).
func (s *scanner) deferredEvents(sub events) {
	switch {
	case sub.transfer || sub.assign:
		s.ev.transfer = true
	case sub.close:
		s.ev.deferClose = true
		s.ev.deferRead = sub.read
		s.ev.closeCall = sub.closeCall
	case sub.read:
		s.ev.transfer = true
	}
}

// isCloseCall reports whether call is body.Close().
func (s *scanner) isCloseCall(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Close" && len(call.Args) == 0 && s.isBody(sel.X)
}

// expr classifies the uses in an expression (or any node visited
// generically): a tracked variable in a position not modeled below hands
// the response on.
func (s *scanner) expr(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if s.mentions(n.Body) {
				s.ev.transfer = true // captured: a closure or goroutine owns it now
			}
			return false
		case *ast.CallExpr:
			return s.call(n)
		case *ast.SelectorExpr:
			if s.isResp(n.X) {
				if n.Sel.Name == "Body" {
					s.ev.transfer = true // resp.Body in a position we do not model
				}
				return false // resp.StatusCode, resp.Header…
			}
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && s.nilComparison(n) {
				return false
			}
		case *ast.Ident:
			// Every other position hands the value on: an argument of a
			// function without facts, a return, a send, a store, a composite
			// literal, an address, a conversion.
			if v, _ := s.info().Uses[n].(*types.Var); v != nil && (s.tr.resp[v] || s.tr.body[v] || s.tr.holder[v] || s.closureMentions(v)) {
				s.ev.transfer = true
			}
		}
		return true
	})
}

// holds reports whether e is a struct literal (or its address) with the
// tracked response as an element.
func (s *scanner) holds(e ast.Expr) bool {
	lit := match.LitOf(e)
	if lit == nil {
		return false
	}
	if _, isStruct := s.info().TypeOf(lit).Underlying().(*types.Struct); !isStruct {
		return false
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		if s.isResp(el) {
			return true
		}
	}
	return false
}

// holderElts classifies the other elements of a holder's literal.
func (s *scanner) holderElts(e ast.Expr) {
	for _, el := range match.Unaddr(e).(*ast.CompositeLit).Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		if !s.isResp(el) {
			s.expr(el)
		}
	}
}

// nilComparison reports whether b compares a tracked value with nil or
// http.NoBody.
func (s *scanner) nilComparison(b *ast.BinaryExpr) bool {
	info := s.info()
	isNilish := func(e ast.Expr) bool {
		return match.IsNil(info, e) || match.IsPackageLevelVar(info, e, match.NetHTTP, "NoBody")
	}
	return (s.isTracked(b.X) && isNilish(b.Y)) || (s.isTracked(b.Y) && isNilish(b.X))
}

func (s *scanner) exprs(list []ast.Expr) {
	for _, e := range list {
		s.expr(e)
	}
}

// readLoop reports whether the Read call runs in a loop that repeats it
// on the same body: the innermost for or range loop around it that does
// not declare v, the variable holding the body (a loop that declares it
// gets a new body each time round). False without such a loop, or when
// v is not known.
func (c *checker) readLoop(call ast.Node, v *types.Var) bool {
	if v == nil {
		return false
	}
	for _, p := range c.idx.PathTo(call) {
		switch p.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return v.Pos() < p.Pos() || v.Pos() >= p.End()
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}

// rootVar returns the variable at the root of a chain of field
// selections (resp in resp.Body), or nil.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			return v
		default:
			return nil
		}
	}
}
