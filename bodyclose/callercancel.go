package bodyclose

// Callers that cancel: a function whose every call passes a context the
// caller cancels soon after the call returns (or whose callers live as
// long as the program), so that the request's connection ends with the
// call.

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// callersCancel reports whether every use of fn, a function of this
// package that is unexported (or in package main), is a call whose
// argument i is a context the caller cancels soon after the call returns
// (see callerCancels). The request's connection then ends with the call
// too.
func (c *checker) callersCancel(fn *function, i, depth int) bool {
	if depth > 3 {
		return false
	}
	decl := fn.node.(*ast.FuncDecl)
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || (obj.Exported() && c.pass.Pkg.Name() != "main") {
		return false
	}
	if sig, _ := obj.Type().(*types.Signature); sig != nil && sig.Recv() != nil && (obj.Exported() || c.interfaceNames()[obj.Name()]) {
		return false // it may be called through an interface, out of sight
	}
	calls, ok := 0, true
	c.forEachUse(obj, func(stack []ast.Node, id *ast.Ident) bool {
		call := callOf(stack, id)
		ok = call != nil && i < len(call.Args) && !call.Ellipsis.IsValid() && c.callerCancels(stack, call, call.Args[i], depth)
		calls++
		return ok
	})
	return ok && calls > 0
}

// callOf returns the call whose function is id (f(…), x.f(…)), the last
// node under stack, or nil.
func callOf(stack []ast.Node, id *ast.Ident) *ast.CallExpr {
	if !isCalled(stack, id) {
		return nil
	}
	for i := len(stack) - 1; i >= 0; i-- {
		if call, ok := stack[i].(*ast.CallExpr); ok {
			return call
		}
	}
	return nil
}

// inReturn reports whether the innermost statement of stack is a return.
func inReturn(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		if st, ok := stack[i].(ast.Stmt); ok {
			_, isRet := st.(*ast.ReturnStmt)
			return isRet
		}
	}
	return false
}

func enclosingFuncNode(stack []ast.Node) (ast.Node, bool) {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n, true
		}
	}
	return nil, false
}

// callerCancels reports whether the context ctx, passed to call (the
// last node under stack), is cancelled soon after the call returns:
//   - by a cancel() statement right after the call's statement, or by a
//     deferred cancel when the call is returned (cancelledAfter);
//   - by a deferred cancel of the declared function around the call,
//     which made the context for what it does (ctx, cancel :=
//     context.WithCancel(ctx); defer cancel()), when the call is in no
//     loop there and that function is not main or init, which return only
//     at exit: the connection then lives as long as that one operation;
//   - or because ctx is the caller's own context parameter (or derives
//     from it), and the caller's callers cancel it in turn, as far as three
//     calls up, none of them in a loop.
func (c *checker) callerCancels(stack []ast.Node, call *ast.CallExpr, ctx ast.Expr, depth int) bool {
	caller, found := enclosingFuncNode(stack)
	if !found {
		return false
	}
	if c.cancelledAfter(c.function(caller), stack, call, ctx) {
		return true
	}
	if inLoop(stack) {
		return false
	}
	var decl *ast.FuncDecl
	for _, n := range stack {
		if d, ok := n.(*ast.FuncDecl); ok {
			decl = d
			break
		}
	}
	if decl == nil || decl.Body == nil {
		return false
	}
	outer := c.function(decl)
	if !isProgramLifetime(c.pass.Pkg, decl) && c.cancelledAtReturn(outer, ctx, call.Pos(), 0) {
		return true
	}
	if ast.Node(decl) != caller {
		return false // a context parameter of a literal: its calls are out of sight
	}
	if j, ok := c.paramOrigin(outer, ctx, call.Pos(), 0); ok {
		return c.callersCancel(outer, j, depth+1)
	}
	return false
}

// inLoop reports whether a for or range statement encloses the last node
// of stack.
func inLoop(stack []ast.Node) bool {
	for _, n := range stack {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		}
	}
	return false
}

// isProgramLifetime reports whether decl is main or init of package main,
// or any init: functions that return only when the program ends (or
// before it starts), so that what they defer runs at exit.
func isProgramLifetime(pkg *types.Package, decl *ast.FuncDecl) bool {
	if decl.Recv != nil {
		return false
	}
	return decl.Name.Name == "init" || (decl.Name.Name == "main" && pkg.Name() == "main")
}

// cancelledAfter reports whether the context ctx passed to call, in fn,
// is cancelled as soon as call returns: by a cancel() statement right
// after the statement of the call, or by a deferred cancel when the call
// is in a return statement. A deferred cancel elsewhere may run much
// later (in main: at exit), the connection held until then.
func (c *checker) cancelledAfter(fn *function, stack []ast.Node, call *ast.CallExpr, ctx ast.Expr) bool {
	if inReturn(stack) && c.cancelledAtReturn(fn, ctx, call.Pos(), 0) {
		return true
	}
	cancel, _ := c.cancelOf(fn, ctx, call.Pos())
	if cancel == nil {
		return false
	}
	// The statement holding the call, and the one after it.
	for k := len(stack) - 1; k > 0; k-- {
		st, ok := stack[k].(ast.Stmt)
		if !ok {
			continue
		}
		next, ok := c.idx.NextSibling(st).(*ast.ExprStmt)
		if !ok {
			return false
		}
		nc, ok := ast.Unparen(next.X).(*ast.CallExpr)
		return ok && len(nc.Args) == 0 && match.ObjectOf(c.pass.TypesInfo, nc.Fun) == cancel
	}
	return false
}
