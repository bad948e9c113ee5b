package bodyclose

// Whether a function's lost connection reuse repeats: the GET success
// path rule of the default drain mode needs the function to run again
// and again in normal operation, not once per process or per test.

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"github.com/httpvet/httpvet/internal/match"
)

// runsRepeatedly reports whether fn gives some sign of running many
// times: it is a function literal (a handler, a callback); an exported
// function or method of a package other than main (an API whose callers
// are unknown); or a function of this package that is called in a loop,
// used as a value (a callback, a handler), or, outside package main,
// called from two places or more. Test helpers never qualify: a file
// named test*.go or a package named like test, testutil or caddytest.
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
	if c.testHelper(fn.node.Pos()) {
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

// testHelper reports whether pos is in test support code: a _test.go
// file, a file named test*.go (test_helpers.go, testutil.go), or a
// package named test, testing, testutil(s), testhelper(s), or a name of
// four letters or more followed by test (caddytest, httptest).
func (c *checker) testHelper(pos token.Pos) bool {
	if match.InTestFile(c.pass.Fset, pos) {
		return true
	}
	if strings.HasPrefix(filepath.Base(c.pass.Fset.Position(pos).Filename), "test") {
		return true
	}
	name := c.pass.Pkg.Name()
	switch name {
	case "test", "testing", "testutil", "testutils", "testhelper", "testhelpers":
		return true
	}
	return strings.HasSuffix(name, "test") && len(name) >= len("httptest")
}
