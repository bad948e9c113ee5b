package bodyclose

// Requests whose context the function cancels when it returns: the
// Transport then closes the connection of a body left open (transport.go,
// readLoop: case <-rc.treq.ctx.Done(): alive = false), so nothing
// outlives the call.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/httpvet/httpvet/internal/match"
)

// requestCancelled reports whether call sends a request, a local
// variable of fn passed as its only *http.Request argument, whose context
// fn cancels when it returns: built by http.NewRequestWithContext(ctx, …)
// or req.WithContext(ctx) (or Clone) at its last assignment before the
// call, with ctx from context.WithCancel, WithTimeout or WithDeadline (or
// their Cause forms) in fn and its cancel deferred.
func (c *checker) requestCancelled(fn *function, call *ast.CallExpr) bool {
	info := c.pass.TypesInfo
	var req *types.Var
	for _, a := range call.Args {
		if match.IsRequest(info.TypeOf(a)) {
			if req != nil {
				return false
			}
			req, _ = match.ObjectOf(info, a).(*types.Var)
			if req == nil {
				return false
			}
		}
	}
	if req == nil || !fn.owns(req) {
		return false
	}
	rhs, ok := c.lastAssign(fn, req, call.Pos())
	if !ok {
		return false
	}
	ctx := requestContext(info, rhs)
	if ctx == nil {
		return false
	}
	if c.cancelledAtReturn(fn, ctx, call.Pos(), 0) {
		return true
	}
	if i, ok := c.paramOrigin(fn, ctx, call.Pos(), 0); ok {
		return c.callersCancel(fn, i, 0)
	}
	return false
}

// paramOrigin returns the index of the parameter of fn, a declared
// function, whose context the context e (used at pos) is or derives from:
// the parameter itself, or any call that takes it first and returns a
// context.Context (context.WithValue, httptrace.WithClientTrace, a
// package's own WithX(ctx, …)), but for context.WithoutCancel, whose
// context outlives its parent's.
func (c *checker) paramOrigin(fn *function, e ast.Expr, pos token.Pos, depth int) (int, bool) {
	if depth > 4 {
		return 0, false
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if parent := derivedFrom(info, call); parent != nil {
			return c.paramOrigin(fn, parent, pos, depth+1)
		}
		return 0, false
	}
	i, ok := c.ctxParam(fn, e)
	if !ok {
		return 0, false
	}
	v := match.ObjectOf(info, e).(*types.Var)
	rhs, at, assigned := c.lastAssignAt(fn, v, pos)
	if !assigned {
		if rhs != nil || c.assignedInLit(fn, v) {
			return 0, false
		}
		return i, true // never assigned: the caller's context
	}
	if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
		if parent := derivedFrom(info, call); parent != nil {
			return c.paramOrigin(fn, parent, at, depth+1)
		}
	}
	return 0, false
}

// assignedInLit reports whether a function literal of fn assigns v, or
// fn takes its address (what makes lastAssignAt give up).
func (c *checker) assignedInLit(fn *function, v *types.Var) bool {
	found := false
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			found = match.Assigns(c.pass.TypesInfo, n.Body, v)
		case *ast.UnaryExpr:
			found = n.Op == token.AND && match.ObjectOf(c.pass.TypesInfo, n.X) == v
		}
		return !found
	})
	return found
}

// derivedFrom returns the context a call derives the context it returns
// from: its first argument, when that is a context.Context and the call
// returns one, but for context.WithoutCancel.
func derivedFrom(info *types.Info, call *ast.CallExpr) ast.Expr {
	if len(call.Args) == 0 || !isContext(info.TypeOf(call)) || !isContext(info.TypeOf(call.Args[0])) {
		return nil
	}
	if fn := match.Callee(info, call); fn == nil || match.IsFunc(fn, "context", "WithoutCancel") {
		return nil
	}
	return call.Args[0]
}

func isContext(t types.Type) bool {
	if tuple, ok := t.(*types.Tuple); ok && tuple.Len() > 0 {
		t = tuple.At(0).Type()
	}
	n, ok := t.(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// localOrParam reports whether v is a local variable of fn or one of its
// parameters (ctx, cancel := context.WithCancel(ctx) assigns the
// parameter).
func (c *checker) localOrParam(fn *function, v *types.Var) bool {
	if fn.owns(v) {
		return true
	}
	_, ok := c.paramIndex(fn, v)
	return ok
}

// ctxParam returns the index of the parameter of fn, a declared function,
// that e denotes.
func (c *checker) ctxParam(fn *function, e ast.Expr) (int, bool) {
	v, ok := match.ObjectOf(c.pass.TypesInfo, e).(*types.Var)
	if !ok {
		return 0, false
	}
	return c.paramIndex(fn, v)
}

// paramIndex returns the index of v among the parameters of fn, a
// declared function.
func (c *checker) paramIndex(fn *function, v *types.Var) (int, bool) {
	decl, ok := fn.node.(*ast.FuncDecl)
	if !ok {
		return 0, false
	}
	i := 0
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if c.pass.TypesInfo.Defs[name] == v {
				return i, true
			}
			i++
		}
	}
	return 0, false
}

// requestContext returns the context a request expression is built with:
// http.NewRequestWithContext(ctx, …), r.WithContext(ctx), r.Clone(ctx).
func requestContext(info *types.Info, e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return nil
	}
	fn := match.Callee(info, call)
	switch {
	case fn == nil:
	case match.IsFunc(fn, match.NetHTTP, "NewRequestWithContext") && len(call.Args) == 4:
		return call.Args[0]
	case match.IsMethod(fn, match.NetHTTP, "Request", "WithContext", "Clone") && len(call.Args) == 1:
		return call.Args[0]
	}
	return nil
}

// lastAssign returns the right-hand side of the last assignment of v in
// fn before pos (a tuple's single call counts), and false when v's
// address is taken or it is assigned in a function literal.
func (c *checker) lastAssign(fn *function, v *types.Var, pos token.Pos) (ast.Expr, bool) {
	rhs, _, ok := c.lastAssignAt(fn, v, pos)
	return rhs, ok
}

// lastAssignAt is lastAssign that also returns where the assignment
// starts.
func (c *checker) lastAssignAt(fn *function, v *types.Var, pos token.Pos) (ast.Expr, token.Pos, bool) {
	info := c.pass.TypesInfo
	var last ast.Expr
	lastPos := token.NoPos
	ok := true
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if !ok {
			return false
		}
		set := func(at token.Pos, rhs ast.Expr) {
			if at < pos && at > lastPos {
				last, lastPos = rhs, at
			}
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			if match.Assigns(info, n.Body, v) {
				ok = false
			}
			return false
		case *ast.UnaryExpr:
			if n.Op == token.AND && match.ObjectOf(info, n.X) == v {
				ok = false
			}
		case *ast.AssignStmt, *ast.ValueSpec:
			for i, l := range match.Assigned(n) {
				if match.ObjectOf(info, l) != v {
					continue
				}
				rhs, _, _ := match.AssignedValue(n, i)
				if _, isSpec := n.(*ast.ValueSpec); rhs != nil || isSpec {
					set(n.Pos(), rhs) // nil: a var spec's zero value
				}
			}
		}
		return true
	})
	return last, lastPos, ok && last != nil
}

// cancelledAtReturn reports whether the context e, used at pos, is
// cancelled when fn returns: a local variable (or parameter) last
// assigned by a context.With{Cancel,Timeout,Deadline}[Cause] whose cancel
// function is deferred right there, or derived from such a context
// (derivedFrom).
func (c *checker) cancelledAtReturn(fn *function, e ast.Expr, pos token.Pos, depth int) bool {
	if depth > 4 {
		return false
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		if parent := derivedFrom(info, call); parent != nil {
			return c.cancelledAtReturn(fn, parent, pos, depth+1)
		}
		return false
	}
	v, ok := match.ObjectOf(info, e).(*types.Var)
	if !ok || !c.localOrParam(fn, v) {
		return false
	}
	rhs, at, ok := c.lastAssignAt(fn, v, pos)
	if !ok {
		return false
	}
	if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && !isWithCancel(info, call) {
		// ctx = httptrace.WithClientTrace(ctx, …): the context before it.
		return c.cancelledAtReturn(fn, call, at, depth+1)
	}
	cancel, at := c.cancelOf(fn, e, pos)
	return cancel != nil && c.deferredCall(fn, cancel, at, pos)
}

func isWithCancel(info *types.Info, call *ast.CallExpr) bool {
	return match.IsFunc(match.Callee(info, call), "context", "WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause", "WithTimeoutCause", "WithDeadlineCause")
}

// cancelOf returns the cancel function of ctx, a local variable of fn
// last assigned before pos by ctx, cancel := context.WithCancel(…) (or
// WithTimeout, WithDeadline and their Cause forms), and the end of that
// assignment.
func (c *checker) cancelOf(fn *function, ctx ast.Expr, pos token.Pos) (*types.Var, token.Pos) {
	info := c.pass.TypesInfo
	v, ok := match.ObjectOf(info, ctx).(*types.Var)
	if !ok || !c.localOrParam(fn, v) {
		return nil, token.NoPos
	}
	rhs, ok := c.lastAssign(fn, v, pos)
	if !ok {
		return nil, token.NoPos
	}
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || !isWithCancel(info, call) {
		return nil, token.NoPos
	}
	var cancel *types.Var
	var at token.Pos
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == call && len(as.Lhs) == 2 {
			cancel, _ = match.ObjectOf(info, as.Lhs[1]).(*types.Var)
			at = as.End()
		}
		return cancel == nil
	})
	return cancel, at
}

// deferredCall reports whether fn defers a call of cancel between after
// and before, with cancel not assigned again in between: defer cancel(),
// or a deferred literal that calls it.
func (c *checker) deferredCall(fn *function, cancel *types.Var, after, before token.Pos) bool {
	info := c.pass.TypesInfo
	found := false
	var reassigned []token.Pos
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Pos() >= after {
			for _, l := range as.Lhs {
				if match.ObjectOf(info, l) == cancel {
					reassigned = append(reassigned, as.Pos())
				}
			}
		}
		return true
	})
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if found {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		d, ok := n.(*ast.DeferStmt)
		if !ok || d.Pos() < after || d.Pos() > before {
			return true
		}
		if slices.ContainsFunc(reassigned, func(p token.Pos) bool { return p < d.Pos() }) {
			return true
		}
		calls := false
		ast.Inspect(d.Call, func(m ast.Node) bool {
			if call, ok := m.(*ast.CallExpr); ok && len(call.Args) == 0 && match.ObjectOf(info, call.Fun) == cancel {
				calls = true
			}
			return !calls
		})
		found = calls
		return true
	})
	return found
}

// interfaceNames returns the method names of the interfaces declared in
// the package.
func (c *checker) interfaceNames() map[string]bool {
	if c.ifaceNames != nil {
		return c.ifaceNames
	}
	names := make(map[string]bool)
	c.ifaceNames = names
	for _, t := range c.pass.TypesInfo.Types {
		if it, ok := t.Type.(*types.Interface); ok {
			for i := 0; i < it.NumMethods(); i++ {
				names[it.Method(i).Name()] = true
			}
		}
	}
	return names
}
