package engine

import "go/ast"

// syntaxMayReturn reports, from the syntax alone, that a function body surely
// has a reachable return in the graph cfg.New would build with the same
// mayReturn for calls: a return or defer statement it reaches, or an end
// it can fall off. False means only "not sure": the caller then builds
// the graph. Most functions that call panic or log.Fatal somewhere return
// on another path; this spares them a graph each on every package.
//
// It follows cfg's rules: conditions are not evaluated (both branches of
// an if, every clause of a switch are reachable), a call statement that
// does not return ends its path, a defer counts as a return (a deferred
// recover may return). Where a rule would need more care (break and goto
// targets, labels reached only by goto, fallthrough), it assumes the
// statement does not complete, which can only answer "not sure".
func syntaxMayReturn(body *ast.BlockStmt, callReturns func(*ast.CallExpr) bool) bool {
	returns, completes := syntaxFlow{callReturns}.stmt(body)
	return returns || completes
}

type syntaxFlow struct {
	callReturns func(*ast.CallExpr) bool
}

// stmt reports whether a return or defer statement is surely reached
// from the start of st, and whether control surely reaches its end along
// some path. Both come from one walk (asked apart, nested statements were
// walked again at each level). Once returns is true, it is true all the
// way up to the body, and completes is left unfinished.
func (s syntaxFlow) stmt(st ast.Stmt) (returns, completes bool) {
	switch st := st.(type) {
	case nil:
		return false, true
	case *ast.ReturnStmt:
		return true, false
	case *ast.DeferStmt:
		return true, true
	case *ast.BlockStmt:
		return s.list(st.List)
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		return false, !ok || s.callReturns(call)
	case *ast.AssignStmt, *ast.IncDecStmt, *ast.SendStmt, *ast.GoStmt, *ast.EmptyStmt, *ast.DeclStmt:
		return false, true
	case *ast.LabeledStmt:
		return s.stmt(st.Stmt)
	case *ast.IfStmt:
		if _, ok := s.stmt(st.Init); !ok {
			return false, false
		}
		r1, c1 := s.stmt(st.Body)
		if st.Else == nil {
			return r1, true // the condition may be false
		}
		r2, c2 := s.stmt(st.Else)
		return r1 || r2, c1 || c2
	case *ast.SwitchStmt:
		if _, ok := s.stmt(st.Init); !ok {
			return false, false
		}
		return s.clauses(st.Body)
	case *ast.TypeSwitchStmt:
		if _, ok := s.stmt(st.Init); !ok {
			return false, false
		}
		return s.clauses(st.Body)
	case *ast.SelectStmt:
		for _, cc := range st.Body.List {
			cc, ok := cc.(*ast.CommClause)
			if !ok {
				continue
			}
			if _, ok := s.stmt(cc.Comm); !ok {
				continue
			}
			r, c := s.list(cc.Body)
			returns, completes = returns || r, completes || c
		}
		return returns, completes // select {}: neither
	case *ast.ForStmt:
		if _, ok := s.stmt(st.Init); !ok {
			return false, false
		}
		r, _ := s.stmt(st.Body)
		return r, st.Cond != nil // for {} ends only by a break: not sure
	case *ast.RangeStmt:
		r, _ := s.stmt(st.Body)
		return r, true
	}
	return false, false // branch statements, anything else: not sure
}

// clauses walks a switch's clauses: each is reached (conditions are not
// evaluated); the switch completes when there is no default clause (no
// case may match) or a clause completes.
func (s syntaxFlow) clauses(body *ast.BlockStmt) (returns, completes bool) {
	hasDefault := false
	for _, c := range body.List {
		c, ok := c.(*ast.CaseClause)
		if !ok {
			continue
		}
		if c.List == nil {
			hasDefault = true
		}
		r, comp := s.list(c.Body)
		returns, completes = returns || r, completes || comp
	}
	return returns, completes || !hasDefault
}

// list walks statements in order while each completes: a return reached
// in one of them is reached; the list completes if all of them do.
func (s syntaxFlow) list(list []ast.Stmt) (returns, completes bool) {
	for _, st := range list {
		r, c := s.stmt(st)
		if r {
			return true, c // completes no longer matters: see stmt
		}
		if !c {
			return false, false
		}
	}
	return false, true
}
