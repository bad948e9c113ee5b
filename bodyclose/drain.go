package bodyclose

// Drain: on which paths a body is closed unread, and whether the lost
// reuse repeats there.

import (
	"go/ast"
	"go/token"
	"slices"

	"github.com/httpvet/httpvet/internal/match"
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
	if s.fn.errorReturn(ret) || s.failureReturn(ret) {
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
	found := match.AnyOutsideLits(n, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok {
			return false
		}
		_, ok = s.fn.c.responseIndex(call)
		return ok && s.fn.c.sameClient(call, s.sourceCall())
	})
	s.requests[n] = found
	return found
}

// failureReturn reports whether ret, in a function without an error
// result, is the failure branch of a status check on the response:
// directly in the body of an if whose condition tests resp.StatusCode
// with != or an ordering (resp.StatusCode != http.StatusOK, >= 400). A
// bare return there is how such a function fails.
func (s *search) failureReturn(ret *ast.ReturnStmt) bool {
	if sig := s.fn.sig(); sig != nil {
		for i := 0; i < sig.Results().Len(); i++ {
			if isError(sig.Results().At(i).Type()) {
				return false // errorReturn decides
			}
		}
	}
	return match.AnyOutsideLits(s.fn.body(), func(n ast.Node) bool {
		ifs, ok := n.(*ast.IfStmt)
		return ok && slices.Contains(ifs.Body.List, ast.Stmt(ret)) && s.statusFailure(ifs.Cond)
	})
}

// statusFailure reports whether cond holds when the tracked response's
// status is not the expected one: a != or ordering comparison of its
// StatusCode (or StatusCode/100), possibly joined by ||.
func (s *search) statusFailure(cond ast.Expr) bool {
	sc := &scanner{c: s.fn.c, tr: s.tr}
	isStatus := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.QUO {
			e = ast.Unparen(b.X)
		}
		sel, ok := e.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "StatusCode" && sc.isResp(sel.X)
	}
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LOR:
		return s.statusFailure(b.X) && s.statusFailure(b.Y)
	case token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		return isStatus(b.X) || isStatus(b.Y)
	}
	return false
}
