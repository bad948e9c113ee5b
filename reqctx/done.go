package reqctx

// Whether a candidate context may be done where the request is sent: a
// branch that tests it, or a path that receives from its Done channel or
// calls its cancel function.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// testsDone reports whether n calls the candidate's Done or Err method,
// or context.Cause of it: code that asks whether it is done.
func (c *checker) testsDone(n ast.Node, cand candidate) bool {
	return match.AnyOutsideLits(n, func(m ast.Node) bool {
		call, ok := m.(*ast.CallExpr)
		if !ok {
			return false
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Done" || sel.Sel.Name == "Err") && c.refersTo(sel.X, cand) {
			return true
		}
		return match.IsFunc(match.Callee(c.info, call), "context", "Cause") && len(call.Args) == 1 && c.refersTo(call.Args[0], cand)
	})
}

// branchTestsDone reports whether the condition n of a branch may ask
// whether the candidate is done: it tests it (testsDone), names
// context.Canceled or context.DeadlineExceeded (an error of any context),
// or uses a variable of fn assigned from such a test (err := ctx.Err()).
func (c *checker) branchTestsDone(fn *engine.Func, n ast.Node, cand candidate) bool {
	if c.testsDone(n, cand) {
		return true
	}
	found := false
	vars := make(map[*types.Var]bool)
	ast.Inspect(n, func(m ast.Node) bool {
		id, ok := m.(*ast.Ident)
		if !ok || found {
			return !found
		}
		switch obj := c.info.Uses[id].(type) {
		case *types.Var:
			if obj.Pkg() != nil && obj.Pkg().Path() == "context" && (obj.Name() == "Canceled" || obj.Name() == "DeadlineExceeded") {
				found = true
			} else if c.isLocal(fn, obj) {
				vars[obj] = true
			}
		}
		return true
	})
	if found || len(vars) == 0 {
		return found
	}
	for v := range vars {
		for _, as := range c.assignsTo(fn)[v] {
			for _, r := range as.Rhs {
				if c.testsDone(r, cand) {
					return true
				}
			}
		}
	}
	return false
}

// assignsTo returns the assignments of fn's own body (nested function
// literals excluded) by variable assigned, built once per function: an
// if statement's condition is tested for each request below it.
func (c *checker) assignsTo(fn *engine.Func) map[*types.Var][]*ast.AssignStmt {
	if m, ok := c.assigns[fn]; ok {
		return m
	}
	m := make(map[*types.Var][]*ast.AssignStmt)
	c.walk(fn, func(n ast.Node, _ []ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if v, ok := match.ObjectOf(c.info, l).(*types.Var); ok && !slices.Contains(m[v], as) {
					m[v] = append(m[v], as)
				}
			}
		}
		return true
	})
	if c.assigns == nil {
		c.assigns = make(map[*engine.Func]map[*types.Var][]*ast.AssignStmt)
	}
	c.assigns[fn] = m
	return m
}

// receivesDone reports whether n receives from the candidate's Done
// channel (<-ctx.Done(), as a statement or an assignment).
func (c *checker) receivesDone(n ast.Node, cand candidate) bool {
	return match.AnyOutsideLits(n, func(m ast.Node) bool {
		u, ok := m.(*ast.UnaryExpr)
		return ok && u.Op == token.ARROW && c.testsDone(u.X, cand)
	})
}

// mayBeDone reports whether the candidate context may be done where n
// runs: n lies in a branch that tests it (if, switch or select case), or
// a path to n from the candidate's definition receives from its Done
// channel, calls its cancel function outside defer, or goes through such
// a branch. The backward search spends the function's budget, a step a
// node or block: once it is spent, the context may be done (the request
// is not reported), as far as reqctx knows.
func (c *checker) mayBeDone(fn *engine.Func, n ast.Node, stack []ast.Node, cand candidate) bool {
	if c.inDoneBranch(fn, n, stack, cand) {
		return true
	}
	g := fn.CFG()
	if g == nil {
		return false
	}
	b, i, ok := g.Locate(n)
	if !ok {
		return false
	}
	comms := selectComms(fn)
	cancel := c.cancelFunc(fn, cand)
	done := false
	seen := make(map[*cfg.Block]bool)
	var walk func(b *cfg.Block, i int)
	budget := c.budget(fn)
	walk = func(b *cfg.Block, i int) {
		if !budget.Spend() {
			done = true // out of budget: give up, silently
			return
		}
		if done {
			return
		}
		if found, stop := c.doneBefore(b, i, cand, comms, cancel, budget); stop {
			done = found
			return
		}
		if c.blockTestsDone(fn, b, cand) {
			done = true
			return
		}
		for _, p := range g.Preds(b) {
			if !seen[p] {
				seen[p] = true
				walk(p, len(p.Nodes))
			}
		}
	}
	walk(b, i)
	return done
}

// inDoneBranch reports whether n, under stack, lies in a branch that
// tests whether the candidate is done: an if, switch or select case.
func (c *checker) inDoneBranch(fn *engine.Func, n ast.Node, stack []ast.Node, cand candidate) bool {
	for a, inner := range match.Ancestors(stack, n) {
		switch a := a.(type) {
		case *ast.IfStmt:
			if (inner == a.Body || inner == a.Else) && (c.branchTestsDone(fn, a.Cond, cand) || a.Init != nil && c.branchTestsDone(fn, a.Init, cand)) {
				return true
			}
		case *ast.CaseClause:
			for _, e := range a.List {
				if c.branchTestsDone(fn, e, cand) {
					return true
				}
			}
		case *ast.CommClause:
			if a.Comm != nil && c.testsDone(a.Comm, cand) {
				return true
			}
		}
	}
	return false
}

// doneBefore scans the nodes of b before index i, last first, spending a
// step of budget each. It returns whether one makes the candidate done
// (receives from its Done channel, calls its cancel function outside
// defer; or the budget is spent), and stop when the backward search ends
// in b: done, or the candidate defined there.
func (c *checker) doneBefore(b *cfg.Block, i int, cand candidate, comms map[ast.Node]bool, cancel *types.Var, budget *engine.Budget) (done, stop bool) {
	for j := i - 1; j >= 0; j-- {
		m := b.Nodes[j]
		if !budget.Spend() {
			return true, true
		}
		if c.defines(m, cand) {
			return false, true
		}
		switch m.(type) {
		case *ast.DeferStmt, *ast.GoStmt:
			continue
		}
		if !comms[m] && c.receivesDone(m, cand) || cancel != nil && calls(c.info, m, cancel) {
			return true, true
		}
	}
	return false, false
}

// blockTestsDone reports whether b is the body of a branch that tests
// whether the candidate is done: a select case, an if or else, a switch
// case.
func (c *checker) blockTestsDone(fn *engine.Func, b *cfg.Block, cand candidate) bool {
	switch b.Kind {
	case cfg.KindSelectCaseBody:
		if cc, ok := b.Stmt.(*ast.CommClause); ok && cc.Comm != nil && c.testsDone(cc.Comm, cand) {
			return true
		}
	case cfg.KindIfThen, cfg.KindIfElse:
		if is, ok := b.Stmt.(*ast.IfStmt); ok && (c.branchTestsDone(fn, is.Cond, cand) || is.Init != nil && c.branchTestsDone(fn, is.Init, cand)) {
			return true
		}
	case cfg.KindSwitchCaseBody:
		if cc, ok := b.Stmt.(*ast.CaseClause); ok {
			for _, e := range cc.List {
				if c.branchTestsDone(fn, e, cand) {
					return true
				}
			}
		}
	}
	return false
}

// selectComms returns the communication statements of fn's select
// statements: the graph evaluates them all before any case, so they say
// nothing about the path taken.
func selectComms(fn *engine.Func) map[ast.Node]bool {
	comms := make(map[ast.Node]bool)
	ast.Inspect(fn.Body(), func(n ast.Node) bool {
		if cc, ok := n.(*ast.CommClause); ok && cc.Comm != nil {
			comms[cc.Comm] = true
		}
		return true
	})
	return comms
}

// defines reports whether the graph node m defines or assigns the
// candidate's variable.
func (c *checker) defines(m ast.Node, cand candidate) bool {
	switch m := m.(type) {
	case *ast.AssignStmt:
		for _, l := range m.Lhs {
			if c.refersTo(l, cand) {
				return true
			}
		}
	case *ast.ValueSpec:
		for _, id := range m.Names {
			if c.info.Defs[id] == cand.v {
				return true
			}
		}
	}
	return false
}

// cancelFunc returns the cancel function declared with the local
// candidate: the second variable of ctx, cancel := context.WithCancel(…)
// (or WithTimeout, WithDeadline and their Cause forms).
// The result is kept, like valueOf's.
func (c *checker) cancelFunc(fn *engine.Func, cand candidate) *types.Var {
	key := fnVar{fn, cand.v}
	if cancel, ok := c.cancels[key]; ok {
		return cancel
	}
	cancel := c.findCancel(fn, cand)
	if c.cancels == nil {
		c.cancels = make(map[fnVar]*types.Var)
	}
	c.cancels[key] = cancel
	return cancel
}

func (c *checker) findCancel(fn *engine.Func, cand candidate) *types.Var {
	var cancel *types.Var
	c.walk(fn, func(n ast.Node, _ []ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return cancel == nil
		}
		id, ok := as.Lhs[0].(*ast.Ident)
		if !ok || c.info.ObjectOf(id) != cand.v {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !match.IsFunc(match.Callee(c.info, call), "context", "WithCancel", "WithTimeout", "WithDeadline",
			"WithCancelCause", "WithTimeoutCause", "WithDeadlineCause") {
			return true
		}
		if cid, ok := as.Lhs[1].(*ast.Ident); ok {
			if v, ok := c.info.ObjectOf(cid).(*types.Var); ok && cid.Name != "_" {
				cancel = v
			}
		}
		return cancel == nil
	})
	return cancel
}

// calls reports whether m calls the function variable v, outside function
// literals.
func calls(info *types.Info, m ast.Node, v *types.Var) bool {
	return match.AnyOutsideLits(m, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		return ok && match.ObjectOf(info, call.Fun) == v
	})
}
