package bodyclose

// Calls: what a call does with a tracked response or its body: a method
// of the body or response, a known reader or printer, a function whose
// params fact says what it does with each argument.

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// call classifies a call; it returns whether ast.Inspect should descend.
func (s *scanner) call(call *ast.CallExpr) bool {
	info := s.info()
	if s.isCloseCall(call) {
		s.ev.close = true
		s.ev.closeCall = call
		return false
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && s.methodCall(call, sel) {
		return false
	}
	fn := match.Callee(info, call)
	if fn == nil {
		if lit := s.c.litOf(call.Fun); lit != nil {
			s.ev.merge(s.litCall(call, lit))
			return false
		}
		return true // function value, builtin, conversion: generic uses
	}
	if s.knownCall(call, fn) {
		return false
	}
	return s.factCall(call, fn)
}

// methodCall classifies a call of a method of the tracked body or
// response, and reports whether call was one.
func (s *scanner) methodCall(call *ast.CallExpr, sel *ast.SelectorExpr) bool {
	if s.isBody(sel.X) {
		switch sel.Sel.Name {
		case "Read":
			// One Read returns what has arrived, up to the buffer:
			// only a Read repeated in a loop reads the body to its end.
			s.ev.read = s.c.readLoop(call, rootVar(s.info(), sel.X))
			s.exprs(call.Args)
			return true
		}
		s.ev.transfer = true // another method of the body: unknown
		s.exprs(call.Args)
		return true
	}
	if s.isResp(sel.X) {
		switch sel.Sel.Name {
		case "Cookies", "Location", "ProtoAtLeast":
			s.exprs(call.Args)
			return true
		}
		s.ev.transfer = true // resp.Write closes the body
		s.exprs(call.Args)
		return true
	}
	return false
}

// knownCall classifies a call of fn, a known reader or printer, and
// reports whether fn was one.
func (s *scanner) knownCall(call *ast.CallExpr, fn *types.Func) bool {
	info := s.info()
	switch s.c.knownCallee(fn) {
	case calleeReader:
		for i, a := range call.Args {
			if s.isBody(a) {
				s.ev.read = true
				s.ev.readEOF = s.ev.readEOF || readsToEOF(fn, i)
			} else if lim := boundedRead(info, a); lim != nil && readsToEOF(fn, i) && s.isBody(lim.Args[0]) {
				s.ev.read = true
				s.ev.readEOF = true
			} else {
				s.expr(a)
			}
		}
		s.expr(call.Fun)
		return true
	case calleePrinter:
		for _, a := range call.Args {
			if !s.isTracked(a) {
				s.expr(a)
			}
		}
		s.expr(call.Fun)
		return true
	}
	return false
}

// factCall classifies a call of fn from what its params fact says of each
// tracked argument; it returns whether ast.Inspect should descend (no
// fact: generic uses).
func (s *scanner) factCall(call *ast.CallExpr, fn *types.Func) bool {
	fact := s.c.paramsOf(fn)
	if fact == nil || call.Ellipsis.IsValid() {
		return true
	}
	for i, a := range call.Args {
		if !s.isTracked(a) {
			s.expr(a)
			continue
		}
		switch {
		case has(fact.Keeps, i):
			s.ev.transfer = true // stored in the value it returns
		case has(fact.Closes, i):
			s.ev.close = true
			s.ev.closeCall = call
			s.ev.read = s.ev.read || has(fact.Reads, i)
			if !has(fact.Reads, i) {
				s.ev.transfer = true // closed by a helper: no drain report there
			}
		case has(fact.Borrows, i):
			s.ev.read = s.ev.read || has(fact.Reads, i)
			s.ev.readEOF = s.ev.readEOF || has(fact.EOF, i)
		default:
			s.ev.transfer = true
		}
	}
	s.expr(call.Fun)
	return false
}

// discardedKeeper handles call, whose result is thrown away (a statement,
// or assigned to _), when it passes the tracked response or body only to
// parameters its callee keeps in the value it returns
// (http.MaxBytesReader(nil, resp.Body, n), a constructor of a streaming
// response): the value that would have carried the Close is gone, so the
// call hands nothing on. It scans the other arguments and reports true;
// false, having done nothing, for any other call.
func (s *scanner) discardedKeeper(call *ast.CallExpr) bool {
	fn := match.Callee(s.info(), call)
	if fn == nil || call.Ellipsis.IsValid() {
		return false
	}
	fact := s.c.paramsOf(fn)
	if fact == nil {
		return false
	}
	kept := false
	for i, a := range call.Args {
		if s.isTracked(a) {
			if !has(fact.Keeps, i) {
				return false
			}
			kept = true
		}
	}
	if !kept {
		return false
	}
	for _, a := range call.Args {
		if !s.isTracked(a) {
			s.expr(a)
		}
	}
	s.expr(call.Fun)
	return true
}
