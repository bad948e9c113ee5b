package bodyclose

// Checking one response: how the source's result is bound (pickLHS),
// whether a local variable of the function carries the obligation, the
// path search from the call (paths.go), and which of its findings are
// reported (report.go): a leak, a discarded response, a body closed
// unread.

import (
	"fmt"
	"go/ast"
	"go/types"
)

// checkSource checks the response created by call (result idx), in fn.
// parent is the call's parent outside parentheses.
func (c *checker) checkSource(fn *function, parent ast.Node, call *ast.CallExpr, idx int) {
	info := c.pass.TypesInfo
	v, stmt, errLhs := c.boundVar(fn, parent, call, idx)
	if v == nil {
		return
	}
	if c.headRequest(fn, call) {
		return // no body: an unclosed HEAD response holds no connection
	}
	var errVar *types.Var
	if eid, ok := ast.Unparen(errLhs).(*ast.Ident); ok && eid.Name != "_" {
		errVar, _ = info.ObjectOf(eid).(*types.Var)
	}
	b, i, ok := fn.locate(stmt)
	if !ok {
		return
	}
	tr := c.tracks[v]
	if tr == nil {
		tr = fn.track(v, false)
		c.tracks[v] = tr
	}
	tr = tr.from(call.Pos())
	// A closure written before the call that uses the response (a deferred
	// close registered early, a retry closure) is out of our sight.
	sc := &scanner{c: c, tr: tr}
	for _, lit := range fn.lits {
		if lit.Pos() < call.Pos() && sc.mentions(lit.Body) {
			return
		}
	}
	s := fn.newSearch(tr)
	s.errVar = errVar
	s.source = b.Nodes[i]
	s.run(b, i+1, state{errLive: errVar != nil})
	if s.gaveUp {
		return // out of budget: say nothing about this response
	}

	if s.leak != nil || s.leakEnd {
		_, loop := c.leakWhere(s, v)
		// A body left open on the leaking paths is released when the
		// function's connection goes with it, whether or not other paths
		// hand the response on; a loop piles bodies up before that.
		// Strict mode reports it as a contract finding.
		var goes string
		if !loop {
			goes = c.connGoesWhy(fn, call)
		}
		if goes == "" || c.strict {
			c.reportLeak(fn, s, call, stmt, v, errLhs, errVar, goes)
		}
	}
	fresh := c.checkPerCallPool(fn, call)
	if c.drain != drainOff && len(s.drainOrder) > 0 && c.knownMethod(fn, call) {
		c.checkDrain(fn, s, call, fresh)
	}
}

// boundVar returns the local variable of fn that receives the response
// (result idx of call, whose parent outside parentheses is parent), the
// statement binding it and the expression receiving the error; a nil
// variable when the response is handed on, stored or discarded (which it
// reports).
func (c *checker) boundVar(fn *function, parent ast.Node, call *ast.CallExpr, idx int) (*types.Var, ast.Node, ast.Expr) {
	info := c.pass.TypesInfo
	var lhs, errLhs ast.Expr
	var stmt ast.Node
	switch p := parent.(type) {
	case *ast.ExprStmt:
		c.discarded(fn, call)
		return nil, nil, nil
	case *ast.AssignStmt:
		stmt = p
		lhs, errLhs = pickLHS(info, p.Lhs, p.Rhs, call, idx)
	case *ast.ValueSpec:
		stmt = p
		names := make([]ast.Expr, len(p.Names))
		for i, n := range p.Names {
			names[i] = n
		}
		lhs, errLhs = pickLHS(info, names, p.Values, call, idx)
	default:
		return nil, nil, nil // an argument, a return, a field: handed on
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if lhs == nil || !ok {
		return nil, nil, nil // a field, an element: stored
	}
	if id.Name == "_" {
		c.discarded(fn, call)
		return nil, nil, nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil || !fn.owns(v) {
		return nil, nil, nil // a parameter, a result, a captured or package variable
	}
	return v, stmt, errLhs
}

// discarded reports call, whose response is thrown away, unless it has no
// body (HEAD) or, but in strict mode, its connection goes with the
// function.
func (c *checker) discarded(fn *function, call *ast.CallExpr) {
	if c.headRequest(fn, call) {
		return
	}
	if goes := c.connGoesWhy(fn, call); goes == "" || c.strict {
		c.reportDiscard(fn, call, goes)
	}
}

// checkDrain reports the sites of s where the body of call's response is
// closed unread and the lost reuse matters; fresh: the request went
// through a pool built for this call (checkPerCallPool).
func (c *checker) checkDrain(fn *function, s *search, call *ast.CallExpr, fresh bool) {
	p := c.requestPool(fn, call)
	if p == poolNoReuse || p == poolOneConn {
		return // DisableKeepAlives, HTTP/2 only, one connection: no reuse to lose
	}
	method, _ := c.requestMethod(fn, call)
	for _, site := range s.drainOrder {
		d := s.drain[site]
		var why string
		contract := false
		switch {
		case d.repeat && d.againLoop && c.hostPerIteration(fn, call, d.repeatPos):
			continue // the next iteration dials another server
		case d.repeat && d.againLoop:
			why = "before the loop sends the request again"
		case d.repeat:
			why = fmt.Sprintf("before the request on line %d", c.line(d.repeatPos))
		case fresh:
			continue // nothing after this call uses the pool: draining only parks the connection
		case c.drain == drainAll && len(d.returns) > 0:
			why = "on the " + c.lines("path returning at line", "paths returning at lines", d.returns)
			// A contract finding unless the default mode reports it too.
			contract = !c.drainRepeats(fn, d, method, p)
		case c.drainRepeats(fn, d, method, p):
			why = "on the " + c.lines("path returning at line", "paths returning at lines", d.okReturns)
		default: // the paths end the program, or return an error
			continue
		}
		c.reportDrain(fn, site, why, contract)
	}
}

// drainRepeats reports whether the close site d, reached unread on paths
// that return no error, costs reuse again and again: the success path of
// a GET, through a pool not built for this call, in a function that runs
// again and again.
func (c *checker) drainRepeats(fn *function, d *drainSite, method string, p pool) bool {
	return len(d.okReturns) > 0 && method == "GET" && p != poolFresh && c.runsRepeatedly(fn)
}

// pickLHS returns the expressions that receive the response (result idx
// of call) and the error of a tuple assignment.
func pickLHS(info *types.Info, lhs, rhs []ast.Expr, call *ast.CallExpr, idx int) (resp, err ast.Expr) {
	if len(rhs) == 1 && len(lhs) > 1 && ast.Unparen(rhs[0]) == call {
		if idx >= len(lhs) {
			return nil, nil
		}
		last := lhs[len(lhs)-1]
		if t := info.TypeOf(call); t != nil {
			if tup, ok := t.(*types.Tuple); ok && tup.Len() == len(lhs) && isError(tup.At(tup.Len()-1).Type()) && idx != len(lhs)-1 {
				err = last
			}
		}
		return lhs[idx], err
	}
	if len(lhs) == len(rhs) {
		for i := range rhs {
			if ast.Unparen(rhs[i]) == call {
				return lhs[i], nil
			}
		}
	}
	return nil, nil
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// connGoesWhy says why the connection of call's response cannot outlive
// fn, so that a body fn leaves open holds nothing after it returns — the
// request goes through a Transport fn built around one connection it did
// not dial, or its context is cancelled when fn returns — or returns "" if
// it can. The caller checks that no loop piles up open bodies before the
// return.
func (c *checker) connGoesWhy(fn *function, call *ast.CallExpr) string {
	switch {
	case c.requestPool(fn, call) == poolOneConn:
		return "its Transport serves one connection the function owns"
	case c.requestCancelled(fn, call):
		return "the request's context is cancelled when the function returns, which closes the connection"
	}
	return ""
}
