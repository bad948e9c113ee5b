package bodyclose

// A connection pool built on every call: a function that runs again and
// again and sends through a keep-alive Transport it builds anew each time
// (a literal, Clone, or a function with the freshTransport fact) leaves a
// pool behind per call. Every response read to EOF parks its connection,
// and the connection's two goroutines, in a pool nothing uses again, until
// the peer or IdleConnTimeout closes it. The defect is the per-call
// Transport, not the bodies: draining them only parks more connections.

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

// checkPerCallPool reports call when it sends through a Transport built
// for this call of fn (poolFresh), calls of fn come in a stream
// (callsStream), and fn never calls CloseIdleConnections. It reports once per function and tells whether
// the request goes through such a pool (reported or not).
func (c *checker) checkPerCallPool(fn *function, call *ast.CallExpr) bool {
	if c.requestPool(fn, call) != poolFresh {
		return false
	}
	if c.perCall == nil {
		c.perCall = make(map[ast.Node]bool)
	}
	if c.perCall[fn.node] || !c.callsStream(fn) || closesIdle(fn.body()) {
		return true
	}
	c.perCall[fn.node] = true
	suppress.Reportf(c.pass, call,
		"%s sends through a Transport built on every call of %s: each call leaves a connection pool behind whose idle connections, and their goroutines, stay until the peer or IdleConnTimeout closes them; build the client once and reuse it, or call CloseIdleConnections when done",
		calleeText(call), funcName(fn.node))
	return true
}

// closesIdle reports whether body calls a CloseIdleConnections method.
func closesIdle(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "CloseIdleConnections" {
			found = true
		}
		return !found
	})
	return found
}

// funcName names a function declaration, or "this function literal".
func funcName(n ast.Node) string {
	if d, ok := n.(*ast.FuncDecl); ok {
		return d.Name.Name
	}
	return "this function literal"
}

// callsStream reports whether calls of fn come in a stream, in view: fn is
// a function literal (a handler, a callback), has the signature of an
// http.HandlerFunc (it serves requests), or is a function of the package
// used as a value or called in a loop. Unlike runsRepeatedly, an exported
// function or one called from two places does not count: a command's
// helper called once per run of a program leaves one pool, gone when the
// process ends.
func (c *checker) callsStream(fn *function) bool {
	decl, ok := fn.node.(*ast.FuncDecl)
	if !ok {
		return true
	}
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	if isHandler(obj) {
		return true // it serves requests: one call per request
	}
	stream := false
	c.forEachUse(obj, func(stack []ast.Node, id *ast.Ident) bool {
		if c.inTestFile(id.Pos()) {
			return true
		}
		stream = !isCalled(stack, id) || loopInCaller(stack)
		return !stream
	})
	return stream
}

// loopInCaller reports whether a for or range loop of the function around
// the last node of stack holds it.
func loopInCaller(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

// isHandler reports whether fn has the parameters of an http.HandlerFunc:
// (http.ResponseWriter, *http.Request).
func isHandler(fn *types.Func) bool {
	params := fn.Type().(*types.Signature).Params()
	return params.Len() == 2 && match.IsNamed(params.At(0).Type(), match.NetHTTP, "ResponseWriter") &&
		match.IsRequest(params.At(1).Type())
}
