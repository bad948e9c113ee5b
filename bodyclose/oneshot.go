package bodyclose

// Leaks on the error paths of a one-shot program: when the error a
// function returns ends the program (or the command) at once, a body it
// left open on that path holds its connection for no time at all; what
// matters is whether anything goes on after the error.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// leaksOnlyOnErrors reports whether every leaking exit of s is a return of
// a non-nil error.
func (c *checker) leaksOnlyOnErrors(fn *function, s *search) bool {
	if len(s.leaks) == 0 {
		return false
	}
	for _, e := range s.leaks {
		if e.kind != leakReturn {
			return false
		}
		ret := returnAt(fn.body(), e.pos)
		if ret == nil || !fn.errorReturn(ret) {
			return false
		}
	}
	return true
}

// returnAt returns the return statement of body at pos, or nil.
func returnAt(body ast.Node, pos token.Pos) *ast.ReturnStmt {
	var ret *ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		if ret != nil || n == nil || n.Pos() > pos || n.End() <= pos {
			return false
		}
		if r, ok := n.(*ast.ReturnStmt); ok && r.Pos() == pos {
			ret = r
		}
		return true
	})
	return ret
}

// errorEndsProgram reports whether nothing in view goes on after an
// error fn returns:
//   - fn is a function of package main called only from main, not in a
//     loop, each call's error checked right after by an if whose body ends
//     the program (log.Fatal, os.Exit, a return from main);
//   - or fn is only handed on as a value (a command's entry, a hook): the
//     code that runs it is out of view and decides what its error does,
//     and nothing in view shows a stream of calls (engine CallsStream: a
//     loop, a retry helper, a server). An exported function outside
//     package main is an API, whose callers go on after its errors.
func (c *checker) errorEndsProgram(fn *function) bool {
	if lit, ok := fn.node.(*ast.FuncLit); ok {
		call, ok := c.idx.Parent(lit).(*ast.CallExpr)
		inPlace := ok && call.Fun == lit
		return !inPlace && !c.idx.CallsStream(lit)
	}
	decl, ok := fn.node.(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	isMain := c.pass.Pkg.Name() == "main"
	if obj.Exported() && !isMain {
		return false
	}
	calls, values := 0, 0
	ends := true
	c.forEachUse(obj, func(stack []ast.Node, id *ast.Ident) bool {
		if call := callOf(stack, id); call != nil {
			calls++
			ends = isMain && c.exitsOnError(stack, call)
		} else {
			values++
		}
		return ends
	})
	switch {
	case !ends || calls+values == 0:
		return false
	case values > 0:
		return calls == 0 && !c.idx.CallsStream(decl)
	}
	return true
}

// exitsOnError reports whether call, the last node under stack, is made
// directly in main, in no loop, and an if right after it (or around it,
// as its init) ends the program when the error it returned is not nil.
func (c *checker) exitsOnError(stack []ast.Node, call *ast.CallExpr) bool {
	if inLoop(stack) {
		return false
	}
	caller, _ := enclosingFuncNode(stack)
	decl, ok := caller.(*ast.FuncDecl)
	if !ok || decl.Recv != nil || decl.Name.Name != "main" {
		return false
	}
	// The statement holding the call.
	var st ast.Stmt
	k := len(stack) - 1
	for ; k >= 0; k-- {
		if s, ok := stack[k].(ast.Stmt); ok {
			st = s
			break
		}
	}
	assign, ok := st.(*ast.AssignStmt)
	if !ok || len(assign.Rhs) != 1 || ast.Unparen(assign.Rhs[0]) != call {
		return false
	}
	var check *ast.IfStmt
	if k > 0 {
		if ifs, ok := stack[k-1].(*ast.IfStmt); ok && ifs.Init == st {
			check = ifs
		}
	}
	if check == nil {
		check, _ = c.idx.NextSibling(assign).(*ast.IfStmt)
	}
	if check == nil || !c.errNotNil(check.Cond, assign) || len(check.Body.List) == 0 {
		return false
	}
	switch last := check.Body.List[len(check.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true // from main
	case *ast.ExprStmt:
		call, ok := ast.Unparen(last.X).(*ast.CallExpr)
		return ok && c.idx.NoReturn(call)
	}
	return false
}

// errNotNil reports whether cond is `err != nil` for an error variable
// assign assigns.
func (c *checker) errNotNil(cond ast.Expr, assign *ast.AssignStmt) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != token.NEQ {
		return false
	}
	info := c.pass.TypesInfo
	v := info.ObjectOf(match.IdentOf(bin.X))
	if v == nil || !isError(v.Type()) || !info.Types[bin.Y].IsNil() {
		return false
	}
	for _, l := range assign.Lhs {
		if id := match.IdentOf(l); id != nil && info.ObjectOf(id) == v {
			return true
		}
	}
	return false
}
