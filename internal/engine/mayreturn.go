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
	s := syntaxFlow{callReturns}
	return s.returns(body) || s.completes(body)
}

type syntaxFlow struct {
	callReturns func(*ast.CallExpr) bool
}

// completes reports whether control surely reaches the end of st from
// its start along some path.
func (s syntaxFlow) completes(st ast.Stmt) bool {
	switch st := st.(type) {
	case nil:
		return true
	case *ast.BlockStmt:
		return s.listCompletes(st.List)
	case *ast.ExprStmt:
		call, ok := st.X.(*ast.CallExpr)
		return !ok || s.callReturns(call)
	case *ast.AssignStmt, *ast.IncDecStmt, *ast.SendStmt, *ast.GoStmt,
		*ast.DeferStmt, *ast.EmptyStmt, *ast.DeclStmt:
		return true
	case *ast.LabeledStmt:
		return s.completes(st.Stmt)
	case *ast.IfStmt:
		if !s.completes(st.Init) {
			return false
		}
		return st.Else == nil || s.completes(st.Body) || s.completes(st.Else)
	case *ast.SwitchStmt:
		return s.completes(st.Init) && s.clausesComplete(st.Body)
	case *ast.TypeSwitchStmt:
		return s.completes(st.Init) && s.clausesComplete(st.Body)
	case *ast.SelectStmt:
		for _, c := range st.Body.List {
			if c, ok := c.(*ast.CommClause); ok && s.completes(c.Comm) && s.listCompletes(c.Body) {
				return true
			}
		}
		return false
	case *ast.ForStmt:
		return st.Cond != nil && s.completes(st.Init) // for {} ends only by a break: not sure
	case *ast.RangeStmt:
		return true
	}
	return false // return, branch statements, anything else: not sure
}

// clausesComplete reports whether a switch surely completes: no default
// clause (no case may match), or a clause whose statements complete.
func (s syntaxFlow) clausesComplete(body *ast.BlockStmt) bool {
	hasDefault := false
	for _, c := range body.List {
		c, ok := c.(*ast.CaseClause)
		if !ok {
			return false
		}
		if c.List == nil {
			hasDefault = true
		}
		if s.listCompletes(c.Body) {
			return true
		}
	}
	return !hasDefault
}

func (s syntaxFlow) listCompletes(list []ast.Stmt) bool {
	for _, st := range list {
		if !s.completes(st) {
			return false
		}
	}
	return true
}

// returns reports whether a return or defer statement is surely reached
// from the start of st.
func (s syntaxFlow) returns(st ast.Stmt) bool {
	switch st := st.(type) {
	case *ast.ReturnStmt, *ast.DeferStmt:
		return true
	case *ast.BlockStmt:
		return s.listReturns(st.List)
	case *ast.LabeledStmt:
		return s.returns(st.Stmt)
	case *ast.IfStmt:
		return s.completes(st.Init) && (s.returns(st.Body) || (st.Else != nil && s.returns(st.Else)))
	case *ast.SwitchStmt:
		return s.completes(st.Init) && s.clausesReturn(st.Body)
	case *ast.TypeSwitchStmt:
		return s.completes(st.Init) && s.clausesReturn(st.Body)
	case *ast.SelectStmt:
		for _, c := range st.Body.List {
			if c, ok := c.(*ast.CommClause); ok && s.completes(c.Comm) && s.listReturns(c.Body) {
				return true
			}
		}
	case *ast.ForStmt:
		return s.completes(st.Init) && s.returns(st.Body)
	case *ast.RangeStmt:
		return s.returns(st.Body)
	}
	return false
}

func (s syntaxFlow) clausesReturn(body *ast.BlockStmt) bool {
	for _, c := range body.List {
		if c, ok := c.(*ast.CaseClause); ok && s.listReturns(c.Body) {
			return true
		}
	}
	return false
}

// listReturns reports whether a statement of list, reached in order
// while the ones before it complete, surely returns.
func (s syntaxFlow) listReturns(list []ast.Stmt) bool {
	for _, st := range list {
		if s.returns(st) {
			return true
		}
		if !s.completes(st) {
			return false
		}
	}
	return false
}
