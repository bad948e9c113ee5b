package reqctx

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// A candidate is a context the function could give its request: a
// context.Context parameter or local variable visible at the request.
// (A context stored in a struct is not one: it belongs to the call that
// built the value, which may have ended long before, as oauth2's token
// sources show, which keep theirs for its values only.)
type candidate struct {
	v    *types.Var // the variable
	text string     // how to write it: its name
}

// contexts returns the contexts a request built at n, in fn, could carry:
// the context.Context variables of fn visible there — parameters and
// locals, not those of enclosing functions (a function literal may run
// after its creator returned, like a goroutine, whose context would then
// be cancelled), and none for a request made by a defer or go statement
// (cleanup that must run even when the context is done, or work that
// outlives the function).
// A variable is left out when its value is context.Background() or
// context.TODO() (there is nothing to carry), or when it may be done
// where n runs: its cancel function called, its Done channel received
// from, or its Done or Err tested on the way (cleanup that runs after
// cancellation must not use it).
//
// It returns ok=false when the function's search budget ran out on the
// way (see mayBeDone): which contexts the request could carry is then
// unknown, and the caller must say nothing that depends on it.
func (c *checker) contexts(fn *engine.Func, n ast.Node, stack []ast.Node) (cands []candidate, ok bool) {
	for _, a := range stack {
		switch a.(type) {
		case *ast.DeferStmt, *ast.GoStmt:
			return nil, true // runs at exit, or after it: cleanup, or its own lifetime
		}
	}
	var out []candidate
	for _, v := range c.visibleContexts(fn, n.Pos()) {
		if c.isBackground(fn, v) {
			continue
		}
		cand := candidate{v: v, text: v.Name()}
		if c.mayBeDone(fn, n, stack, cand) {
			if c.budget(fn).Spent() {
				return nil, false
			}
			continue
		}
		out = append(out, cand)
	}
	// Of ctx and tctx, cancel := context.WithTimeout(ctx, …), the request
	// belongs to tctx: it carries both.
	for _, child := range out {
		all := len(out) > 1
		for _, other := range out {
			if other != child && !c.derivesFrom(fn, child.v, other.v, 0) {
				all = false
			}
		}
		if all {
			return []candidate{child}, true
		}
	}
	return out, true
}

// visibleContexts returns the context.Context variables of fn visible at
// pos, innermost first.
func (c *checker) visibleContexts(fn *engine.Func, pos token.Pos) []*types.Var {
	fnScope := c.info.Scopes[fn.Type()]
	if fnScope == nil {
		return nil
	}
	inner := c.pass.Pkg.Scope().Innermost(pos)
	var out []*types.Var
	for s := inner; s != nil; s = s.Parent() {
		for _, name := range s.Names() {
			v, ok := s.Lookup(name).(*types.Var)
			if !ok || name == "_" || !isContext(v.Type()) {
				continue
			}
			if _, obj := inner.LookupParent(name, pos); obj != v {
				continue // shadowed, or declared after pos
			}
			out = append(out, v)
		}
		if s == fnScope {
			break
		}
	}
	return out
}

// isBackground reports whether the local variable v is declared with
// context.Background() or context.TODO() as its value, or a
// context.WithValue chain over one: a context nothing can cancel.
func (c *checker) isBackground(fn *engine.Func, v *types.Var) bool {
	return c.isBackgroundVar(fn, v, 0)
}

func (c *checker) isBackgroundVar(fn *engine.Func, v *types.Var, depth int) bool {
	if depth > 8 || !c.isLocal(fn, v) {
		return false
	}
	value := c.valueOf(fn, v)
	return value != nil && c.isBackgroundValue(fn, value, depth)
}

// valueOf returns the value the local variable v is declared with, or
// nil: the right-hand side of its := or var declaration (the call, for
// ctx, cancel := context.WithTimeout(…)).
//
// It walks fn once per variable: the result is kept (reqctx asks for each
// request, and a function may hold thousands).
func (c *checker) valueOf(fn *engine.Func, v *types.Var) ast.Expr {
	key := fnVar{fn, v}
	if value, ok := c.values[key]; ok {
		return value
	}
	value := c.findValue(fn, v)
	if c.values == nil {
		c.values = make(map[fnVar]ast.Expr)
	}
	c.values[key] = value
	return value
}

func (c *checker) findValue(fn *engine.Func, v *types.Var) ast.Expr {
	var value ast.Expr
	c.walk(fn, func(n ast.Node, _ []ast.Node) bool {
		if value != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && c.info.Defs[id] == v {
					switch {
					case len(n.Lhs) == len(n.Rhs):
						value = n.Rhs[i]
					case len(n.Rhs) == 1 && i == 0:
						value = n.Rhs[0]
					}
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				if c.info.Defs[id] == v {
					switch {
					case len(n.Names) == len(n.Values):
						value = n.Values[i]
					case len(n.Values) == 1 && i == 0:
						value = n.Values[0]
					}
				}
			}
		}
		return true
	})
	return value
}

// derivesFrom reports whether the local context v is declared as a child
// of w — context.WithCancel, WithTimeout, WithDeadline, their Cause
// forms or WithValue of w, or of a local that derives from w — and so
// carries w's cancellation and more. (WithoutCancel does not: it drops
// it.)
func (c *checker) derivesFrom(fn *engine.Func, v, w *types.Var, depth int) bool {
	if depth > 8 || !c.isLocal(fn, v) {
		return false
	}
	value := c.valueOf(fn, v)
	if value == nil {
		return false
	}
	call, ok := ast.Unparen(value).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 || !match.IsFunc(match.Callee(c.info, call), "context", "WithCancel", "WithTimeout",
		"WithDeadline", "WithCancelCause", "WithTimeoutCause", "WithDeadlineCause", "WithValue") {
		return false
	}
	parent, ok := match.ObjectOf(c.info, call.Args[0]).(*types.Var)
	return ok && (parent == w || c.derivesFrom(fn, parent, w, depth+1))
}

// isBackgroundValue reports whether e is context.Background(), TODO(), a
// local declared with one, or context.WithValue of such a context.
func (c *checker) isBackgroundValue(fn *engine.Func, e ast.Expr, depth int) bool {
	if c.isBackgroundCall(e) {
		return true
	}
	if v, ok := match.ObjectOf(c.info, e).(*types.Var); ok {
		return c.isBackgroundVar(fn, v, depth+1)
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && len(call.Args) == 3 && match.IsFunc(match.Callee(c.info, call), "context", "WithValue") &&
		c.isBackgroundValue(fn, call.Args[0], depth+1)
}

// isBackgroundCall reports whether e is context.Background() or
// context.TODO().
func (c *checker) isBackgroundCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && len(call.Args) == 0 && match.IsFunc(match.Callee(c.info, call), "context", "Background", "TODO")
}

// refersTo reports whether e denotes the candidate context.
func (c *checker) refersTo(e ast.Expr, cand candidate) bool {
	return match.ObjectOf(c.info, e) == cand.v
}

// testsDone reports whether n calls the candidate's Done or Err method,
// or context.Cause of it: code that asks whether it is done.
func (c *checker) testsDone(n ast.Node, cand candidate) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		call, ok := m.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Done" || sel.Sel.Name == "Err") && c.refersTo(sel.X, cand) {
			found = true
		}
		if match.IsFunc(match.Callee(c.info, call), "context", "Cause") && len(call.Args) == 1 && c.refersTo(call.Args[0], cand) {
			found = true
		}
		return true
	})
	return found
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
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		if u, ok := m.(*ast.UnaryExpr); ok && u.Op == token.ARROW && c.testsDone(u.X, cand) {
			found = true
		}
		return true
	})
	return found
}

// mayBeDone reports whether the candidate context may be done where n
// runs: n lies in a branch that tests it (if, switch or select case), or
// a path to n from the candidate's definition receives from its Done
// channel, calls its cancel function outside defer, or goes through such
// a branch. The backward search spends the function's budget, a step a
// node or block: once it is spent, the context may be done (the request
// is not reported), as far as reqctx knows.
func (c *checker) mayBeDone(fn *engine.Func, n ast.Node, stack []ast.Node, cand candidate) bool {
	for i, a := range stack {
		var inner ast.Node = n
		if i+1 < len(stack) {
			inner = stack[i+1]
		}
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
		for j := i - 1; j >= 0 && !done; j-- {
			m := b.Nodes[j]
			if !budget.Spend() {
				done = true
				return
			}
			if c.defines(m, cand) {
				return
			}
			switch m.(type) {
			case *ast.DeferStmt, *ast.GoStmt:
				continue
			}
			if !comms[m] && c.receivesDone(m, cand) || cancel != nil && calls(c.info, m, cancel) {
				done = true
				return
			}
		}
		if done {
			return
		}
		switch b.Kind {
		case cfg.KindSelectCaseBody:
			if cc, ok := b.Stmt.(*ast.CommClause); ok && cc.Comm != nil && c.testsDone(cc.Comm, cand) {
				done = true
				return
			}
		case cfg.KindIfThen, cfg.KindIfElse:
			if is, ok := b.Stmt.(*ast.IfStmt); ok && (c.branchTestsDone(fn, is.Cond, cand) || is.Init != nil && c.branchTestsDone(fn, is.Init, cand)) {
				done = true
				return
			}
		case cfg.KindSwitchCaseBody:
			if cc, ok := b.Stmt.(*ast.CaseClause); ok {
				for _, e := range cc.List {
					if c.branchTestsDone(fn, e, cand) {
						done = true
						return
					}
				}
			}
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
	found := false
	ast.Inspect(m, func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok && match.ObjectOf(info, call.Fun) == v {
			found = true
		}
		return true
	})
	return found
}
