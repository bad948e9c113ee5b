package bodyclose

// The closedResult fact: whether a function returns, on some path that
// does not return an error, a response whose body it closed, replaced,
// handed to a function that may close it, or built itself.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// closedScan is one function's scan for closedResult.
type closedScan struct {
	c    *checker
	fn   *types.Func
	decl *ast.FuncDecl
	info *types.Info

	marks     []closeMark
	assignsAt map[*types.Var][]token.Pos // every assignment of a response variable
	rets      []closedRet
	holders   []ast.Node // statement lists around the node visited
	errBlocks map[ast.Node]bool
	held      *heldValues
	// response variables: their assignments, and those of a closed one
	total, closedAssigns map[*types.Var]int
}

// A closeMark says that v is closed (or replaced) by the statement at pos
// in the statement list holder; closes when by resp.Body.Close() itself.
type closeMark struct {
	v      *types.Var
	pos    token.Pos
	holder ast.Node
	closes bool
}

// A closedRet is a return statement and the statement lists around it.
type closedRet struct {
	r       *ast.ReturnStmt
	holders []ast.Node
}

func (c *checker) computeClosed(fn *types.Func, decl *ast.FuncDecl) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	k := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if match.IsResponse(sig.Results().At(i).Type()) {
			k = i
		}
	}
	if k < 0 {
		return false
	}
	s := &closedScan{
		c: c, fn: fn, decl: decl, info: c.pass.TypesInfo,
		assignsAt: make(map[*types.Var][]token.Pos),
		errBlocks: make(map[ast.Node]bool),
		total:     make(map[*types.Var]int), closedAssigns: make(map[*types.Var]int),
	}
	s.scan()
	s.held = newHeldValues(s)
	closedRets, openRets := 0, 0
	for _, r := range s.rets {
		switch s.returnsClosed(sig, k, r) {
		case retClosed:
			closedRets++
		case retOpen:
			openRets++
		}
	}
	// Some path returns a response that needs no Close: callers cannot
	// tell which one they get (a wrapper that buffers error bodies). A
	// function that only ever returns nil responses, or ones it holds,
	// leaves its callers nothing to close.
	return closedRets > 0 || (openRets == 0 && len(s.rets) > 0)
}

// scan collects the marks, returns, error blocks and assignments.
func (s *closedScan) scan() {
	// Blocks taken when an error is not nil: a closed response returned
	// there goes with an error (net/http's CheckRedirect case).
	ast.Inspect(s.decl.Body, func(n ast.Node) bool {
		if ifs, ok := n.(*ast.IfStmt); ok {
			if b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr); ok && b.Op == token.NEQ && match.IsNil(s.info, b.Y) {
				if t := s.info.TypeOf(b.X); t != nil && types.Implements(t, errorType) {
					s.errBlocks[ifs.Body] = true
				}
			}
		}
		if as, ok := n.(*ast.AssignStmt); ok {
			s.countAssigns(as) // closures included
		}
		return true
	})
	s.holders = append(s.holders, s.decl.Body)
	ast.Inspect(s.decl.Body, func(n ast.Node) bool {
		return n == s.decl.Body || s.visit(n)
	})
}

func (s *closedScan) varOf(e ast.Expr) *types.Var {
	v, _ := match.ObjectOf(s.info, e).(*types.Var)
	return v
}

// isLit reports whether e is a Response literal (or its address).
func (s *closedScan) isLit(e ast.Expr) bool {
	lit := match.LitOf(e)
	return lit != nil && match.IsNamed(s.info.TypeOf(lit), match.NetHTTP, "Response")
}

// isClosedCall reports whether e calls another function with the fact.
func (s *closedScan) isClosedCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	callee := match.Callee(s.info, call)
	return callee != nil && callee != s.fn && s.c.returnsClosed(callee)
}

// visit records the marks and returns under n, outside function literals.
func (s *closedScan) visit(n ast.Node) bool {
	if n == nil {
		return false
	}
	holder := s.holders[len(s.holders)-1]
	switch n := n.(type) {
	case *ast.FuncLit:
		return false
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
		s.holders = append(s.holders, n)
		ast.Inspect(n, func(m ast.Node) bool { return m == n || s.visit(m) })
		s.holders = s.holders[:len(s.holders)-1]
		return false
	case *ast.ReturnStmt:
		s.rets = append(s.rets, closedRet{n, append([]ast.Node(nil), s.holders...)})
	case *ast.CallExpr:
		s.visitCall(n, holder)
	case *ast.AssignStmt:
		for i, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
				if v := s.varOf(sel.X); v != nil && match.IsResponse(v.Type()) {
					s.marks = append(s.marks, closeMark{v, n.Pos(), holder, false})
				}
			}
			if v := s.varOf(l); v != nil && match.IsResponse(v.Type()) {
				s.assignsAt[v] = append(s.assignsAt[v], n.Pos())
				if len(n.Lhs) == len(n.Rhs) && s.isLit(n.Rhs[i]) || len(n.Rhs) == 1 && s.isClosedCall(n.Rhs[0]) {
					s.marks = append(s.marks, closeMark{v, n.Pos(), holder, false})
				}
			}
		}
	}
	return true
}

// visitCall marks a response closed by resp.Body.Close() or handed, or
// its body, to a function that may close it (not a known reader, not a
// borrower).
func (s *closedScan) visitCall(n *ast.CallExpr, holder ast.Node) {
	for i, a := range n.Args {
		v := s.varOf(a)
		if v == nil || !match.IsResponse(v.Type()) {
			if sel, ok := ast.Unparen(a).(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
				v = s.varOf(sel.X)
			}
		}
		if v == nil || !match.IsResponse(v.Type()) || !s.c.mayClose(n, i) {
			continue
		}
		s.marks = append(s.marks, closeMark{v, n.Pos(), holder, false})
	}
	if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" && len(n.Args) == 0 {
		if body, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && body.Sel.Name == "Body" {
			if v := s.varOf(body.X); v != nil && match.IsResponse(v.Type()) {
				s.marks = append(s.marks, closeMark{v, n.Pos(), holder, true})
			}
		}
	}
}

// countAssigns counts the assignments of response variables, and those
// of a closed response (resp, err = f.srv.CallJSON(…) inside a retry
// closure).
func (s *closedScan) countAssigns(as *ast.AssignStmt) {
	for i, l := range as.Lhs {
		v := s.varOf(l)
		if v == nil || !match.IsResponse(v.Type()) {
			continue
		}
		s.total[v]++
		switch {
		case len(as.Lhs) == len(as.Rhs) && (s.isLit(as.Rhs[i]) || s.isClosedCall(as.Rhs[i])):
			s.closedAssigns[v]++
		case len(as.Rhs) == 1 && s.isClosedCall(as.Rhs[0]):
			s.closedAssigns[v]++
		}
	}
}

func (s *closedScan) alwaysClosed(v *types.Var) bool {
	return s.total[v] > 0 && s.total[v] == s.closedAssigns[v]
}

const (
	retSkip = iota // an error path, or a nil response
	retClosed
	retOpen
	retHeld // a response the function holds, not one it sent (held.go)
)

// returnsClosed classifies return r for result k of sig.
func (s *closedScan) returnsClosed(sig *types.Signature, k int, r closedRet) int {
	for _, h := range r.holders {
		if s.errBlocks[h] {
			return retSkip
		}
	}
	closedIf := func(b bool) int {
		if b {
			return retClosed
		}
		return retOpen
	}
	var e ast.Expr
	switch {
	case len(r.r.Results) == sig.Results().Len():
		e = r.r.Results[k]
	case len(r.r.Results) == 1:
		if s.held.isHeld(r.r.Results[0]) {
			return retHeld
		}
		return closedIf(s.isClosedCall(r.r.Results[0]))
	case len(r.r.Results) == 0 && sig.Results().At(k).Name() != "":
		v := sig.Results().At(k)
		if s.total[v] == 0 {
			return retSkip // never assigned: nil
		}
		if s.held.allHeld(v) {
			return retHeld
		}
		return closedIf(s.closedAt(v, r) || s.alwaysClosed(v))
	default:
		return retOpen
	}
	switch v := s.varOf(e); {
	case match.IsNil(s.info, e):
		return retSkip
	case v != nil && v.Parent() != nil && s.total[v] == 0 && isResult(sig, v):
		return retSkip // a named result never assigned: nil
	case s.isLit(e) || s.isClosedCall(e):
		return retClosed
	case s.held.isHeld(e):
		return retHeld
	default:
		return closedIf(v != nil && (s.closedAt(v, r) || s.alwaysClosed(v)))
	}
}

// closedAt reports whether v is closed before return r on some path: a
// mark in a statement list around r and not reassigned between, or,
// where resp.Body.Close() is in a branch of its own (if !stream {
// resp.Body.Close() }), a path of the graph from it to r that does not
// assign v. (A body replaced in a branch may be wrapped, not closed.)
func (s *closedScan) closedAt(v *types.Var, r closedRet) bool {
	var branched []closeMark
	for _, m := range s.marks {
		if m.v != v || m.pos > r.r.End() {
			continue
		}
		reassigned := false
		for _, a := range s.assignsAt[v] {
			if a > m.pos && a < r.r.Pos() {
				reassigned = true
			}
		}
		if reassigned {
			continue
		}
		for _, h := range r.holders {
			if h == m.holder {
				return true
			}
		}
		if m.closes {
			branched = append(branched, m)
		}
	}
	return len(branched) > 0 && s.reachedFrom(v, branched, r.r)
}

// reachedFrom reports whether a path of the function's graph goes from
// one of marks to ret without assigning v.
func (s *closedScan) reachedFrom(v *types.Var, marks []closeMark, ret ast.Node) bool {
	f := s.c.idx.Func(s.decl)
	if f == nil {
		return false
	}
	g := f.CFG()
	if g == nil {
		return false
	}
	b, i, ok := g.Locate(ret)
	if !ok {
		return false
	}
	found := false
	g.Backward(b, i, func(n ast.Node) bool {
		for _, m := range marks {
			if n.Pos() <= m.pos && m.pos < n.End() {
				found = true
			}
		}
		for _, a := range s.assignsAt[v] {
			if n.Pos() <= a && a < n.End() {
				return false
			}
		}
		return !found
	}, nil)
	return found
}
