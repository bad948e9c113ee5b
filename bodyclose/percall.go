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

// callsStream reports whether calls of fn come in a stream, as far as the
// package shows (engine.Index.CallsStream): it serves requests, a loop
// calls it, or a helper that calls its function parameter repeatedly is
// handed it. Merely exported, called from two places, or handed to code
// out of view (a command table, a callback) does not count: a command
// called once per run of a program leaves one pool, gone when the process
// ends.
func (c *checker) callsStream(fn *function) bool {
	return c.idx.CallsStream(fn.node)
}
