package bodyclose

// Whether a function's lost connection reuse repeats: the GET success
// path rule of the default drain mode needs the function to run again
// and again in normal operation, not once per process or per test.

import (
	"go/ast"
	"go/types"
)

// runsRepeatedly reports whether fn gives some sign of running many
// times: it is a function literal (a handler, a callback); an exported
// function or method of a package other than main (an API whose callers
// are unknown); or a function of this package that is called in a loop,
// used as a value (a callback, a handler), or, outside package main,
// called from two places or more. Test code never qualifies
// (engine.Index.InTestCode), and calls from test code do not count: a
// function only tests call is test code too.
func (c *checker) runsRepeatedly(fn *function) bool {
	if r, ok := c.repeats[fn.node]; ok {
		return r
	}
	if c.repeats == nil {
		c.repeats = make(map[ast.Node]bool)
	}
	r := c.computeRepeats(fn)
	c.repeats[fn.node] = r
	return r
}

func (c *checker) computeRepeats(fn *function) bool {
	if c.inTestFile(fn.node.Pos()) {
		return false
	}
	decl, ok := fn.node.(*ast.FuncDecl)
	if !ok {
		return true
	}
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return true
	}
	isMain := c.pass.Pkg.Name() == "main"
	if obj.Exported() && !isMain {
		return true
	}
	calls := 0
	repeated := false
	c.forEachUse(obj, func(stack []ast.Node, id *ast.Ident) bool {
		if c.inTestFile(id.Pos()) {
			return true // a function only tests call is test code too
		}
		if !isCalled(stack, id) {
			repeated = true // a value: a callback, a handler
			return false
		}
		calls++
		for i := len(stack) - 1; i >= 0; i-- {
			switch stack[i].(type) {
			case *ast.ForStmt, *ast.RangeStmt:
				repeated = true
			case *ast.FuncDecl, *ast.FuncLit:
				i = 0 // the loop must be in the calling function
			}
		}
		return !repeated
	})
	return repeated || (calls >= 2 && !isMain)
}

// isCalled reports whether id, the last node under stack, is the function
// of a call (f(…), x.f(…)).
func isCalled(stack []ast.Node, id *ast.Ident) bool {
	var fun ast.Node = id
	i := len(stack) - 1
	if i >= 0 {
		if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
			fun = sel
			i--
		}
	}
	for i >= 0 {
		if p, ok := stack[i].(*ast.ParenExpr); ok {
			fun = p
			i--
			continue
		}
		break
	}
	if i < 0 {
		return false
	}
	call, ok := stack[i].(*ast.CallExpr)
	return ok && call.Fun == fun
}
