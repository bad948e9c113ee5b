package reqctx

import (
	"go/ast"
	"go/token"
	"go/types"

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
		case *ast.AssignStmt, *ast.ValueSpec:
			for i, l := range match.Assigned(n) {
				if id, ok := l.(*ast.Ident); ok && c.info.Defs[id] == v {
					// Its own value, or the first of a tuple.
					if rhs, tuple, _ := match.AssignedValue(n, i); tuple <= 0 {
						value = rhs
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
