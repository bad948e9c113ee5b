package timeouts

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// classify records in sum what is done with the value denoted by the
// expression at cur.
func (c *checker) classify(cur cursor, k kind, sum *summary) {
	cur = outsideParens(cur)
	e := cur.Node()
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr:
		if p.X != e {
			return
		}
		c.classifySelector(cur, p, k, sum)
	case *ast.AssignStmt:
		c.classifyAssigned(cur, p, k, sum)
	case *ast.KeyValueExpr:
		c.classifyKeyValue(cur, p, k, sum)
	case *ast.CompositeLit:
		// An element of a slice or array literal.
		if s := c.container(cur.Parent(), k); s != nil {
			sum.merge(s)
			return
		}
		sum.escapes = true
	case *ast.CallExpr:
		if s := c.appendedTo(cur, p, k); s != nil {
			sum.merge(s)
			return
		}
		sum.escapes = true
	case *ast.ReturnStmt:
		c.classifyReturned(cur, p, k, sum)
	case *ast.BinaryExpr:
		if p.Op != token.EQL && p.Op != token.NEQ {
			sum.escapes = true
		}
	default:
		sum.escapes = true
	}
}

// classifySelector records the field or method of the value that p
// selects (the value is p.X, at cur).
func (c *checker) classifySelector(cur cursor, p *ast.SelectorExpr, k kind, sum *summary) {
	sel := c.pass.TypesInfo.Selections[p]
	if sel == nil {
		sum.escapes = true
		return
	}
	switch sel.Kind() {
	case types.FieldVal:
		c.classifyField(cur, p, k, sum)
	case types.MethodVal:
		c.classifyMethod(cur, p, k, sum)
	default:
		sum.escapes = true
	}
}

// classifyField records an Addr or timeout field of the value that p
// selects, assigned or taken the address of; other fields are ignored.
func (c *checker) classifyField(cur cursor, p *ast.SelectorExpr, k kind, sum *summary) {
	name := p.Sel.Name
	if k == server && name == "Addr" {
		if as, ok := cur.Parent().Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if ast.Unparen(lhs) == p {
					sum.setAddr(c.addrKey(as.Rhs[i]))
				}
			}
		} else if u, ok := cur.Parent().Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
			sum.setAddr("?")
		}
		return
	}
	if !timeoutField(k, name) {
		return // reading or writing another field
	}
	switch gp := cur.Parent().Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, lhs := range gp.Lhs {
			if ast.Unparen(lhs) == p {
				var val ast.Expr
				if len(gp.Lhs) == len(gp.Rhs) && gp.Tok == token.ASSIGN {
					val = gp.Rhs[i]
				}
				sum.set(fieldKey(c.pass.TypesInfo, name, val))
			}
		}
	case *ast.UnaryExpr:
		if gp.Op == token.AND {
			sum.set(name) // &srv.ReadTimeout, set through the pointer
		}
	}
}

// classifyMethod records a call or method value of the method that p
// selects: one that stands for a timeout, or one that serves or sends.
func (c *checker) classifyMethod(cur cursor, p *ast.SelectorExpr, k kind, sum *summary) {
	name := p.Sel.Name
	if k == server && name == "SetKeepAlivesEnabled" {
		// Without keep-alives there are no idle connections.
		sum.set("IdleTimeout")
		return
	}
	if k == transport && name == "CloseIdleConnections" {
		// The program closes its idle connections itself (a
		// Transport for one function: defer t.CloseIdleConnections()).
		sum.set("IdleConnTimeout")
		return
	}
	if !trigger(k, name) {
		return
	}
	if k == server {
		c.classifyServe(cur, p, sum)
	}
	sum.sends = true
	if k == client && !c.clientUseCounts(cur, p) {
		return
	}
	sum.used = true
}

// classifyServe records where a Server's serving method called or taken
// at p listens.
func (c *checker) classifyServe(cur cursor, p *ast.SelectorExpr, sum *summary) {
	name := p.Sel.Name
	call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
	switch {
	case name == "ListenAndServe" || name == "ListenAndServeTLS":
		sum.listens = true
	case ok && call.Fun == p && len(call.Args) > 0:
		// A listener made elsewhere (a parameter,
		// safesocket, memnet, socket activation, one
		// conn) may be local: only a visibly public one
		// counts.
		if c.listenerReach(call.Args[0]) == publicReach {
			sum.public = true
		}
	case name == "Serve" || name == "ServeTLS":
		// A method value (serve = srv.Serve): the
		// listeners it is called with, if seen.
		if args, ok := c.methodValueArgs(cur.Parent(), 0); ok {
			for _, ln := range args {
				if c.listenerReach(ln) == publicReach {
					sum.public = true
				}
			}
		}
	}
}

// clientUseCounts reports whether a Client's sending method called or
// taken at p sends a request that only the Client's Timeout would bound.
func (c *checker) clientUseCounts(cur cursor, p *ast.SelectorExpr) bool {
	name := p.Sel.Name
	// A Timeout would cut a streamed response.
	if call, ok := cur.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == p && c.streamed(cur.Parent().Parent()) {
		return false
	}
	if name == "Do" {
		// A request with a context from elsewhere may have a
		// deadline.
		call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != p || len(call.Args) != 1 || !c.bareRequest(cur, call.Args[0]) {
			return false
		}
	}
	if name != "Do" {
		// Get & co. leaving out the context in scope: reqctx's.
		if call, ok := cur.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == p && c.reqctxOwns(call) {
			return false
		}
	}
	return true
}

// classifyAssigned records the value at cur in the assignment p: stored
// into a container or into the Transport of a Client, or escaping.
func (c *checker) classifyAssigned(cur cursor, p *ast.AssignStmt, k kind, sum *summary) {
	info := c.pass.TypesInfo
	e := cur.Node()
	for i, lhs := range p.Lhs {
		if lhs == e {
			return // the variable is assigned, not used
		}
		if i < len(p.Rhs) && p.Rhs[i] == e && len(p.Lhs) == len(p.Rhs) {
			if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
				return
			}
			// xs[i] = v: v goes where xs goes.
			if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok {
				if v := varOf(info, ix.X); v != nil && elemKind(v.Type()) == k {
					if s := c.varSummary(v, k); s != nil {
						sum.merge(s)
						return
					}
				}
			}
			if k == transport && c.classifyTransportStore(cur, lhs, sum) {
				return
			}
		}
	}
	sum.escapes = true
}

// classifyTransportStore records a Transport assigned to lhs when lhs is
// a RoundTripper field, and reports whether it was.
func (c *checker) classifyTransportStore(cur cursor, lhs ast.Expr, sum *summary) bool {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := c.pass.TypesInfo.Selections[sel]
	if s == nil {
		return false
	}
	v, ok := s.Obj().(*types.Var)
	if !ok || !c.isRoundTripperField(v) {
		return false
	}
	if isClientTransport(v) {
		if timed, untimed := c.clientTimeout(cur, sel.X); timed {
			sum.merge(boundedTransport())
		} else {
			sum.clients = append(sum.clients, untimed...)
		}
	}
	return true
}

// classifyKeyValue records the value at cur as the value of the key p in
// a composite literal: a Client's Transport, a field, or an element
// followed where its container goes.
func (c *checker) classifyKeyValue(cur cursor, p *ast.KeyValueExpr, k kind, sum *summary) {
	info := c.pass.TypesInfo
	e := cur.Node()
	if k == transport && p.Value == e {
		if key, ok := p.Key.(*ast.Ident); ok {
			if v, ok := info.Uses[key].(*types.Var); ok && v.IsField() && c.isRoundTripperField(v) {
				if outer, ok := cur.Parent().Parent().Node().(*ast.CompositeLit); ok && isClientTransport(v) && match.IsNamedOrPointer(info.TypeOf(outer), match.NetHTTP, "Client") {
					if c.literalTimeout(cur.Parent().Parent(), outer) {
						sum.merge(boundedTransport())
					} else {
						sum.clients = append(sum.clients, outer)
					}
				}
				return
			}
		}
	}
	if p.Value == e {
		// A field of a struct literal, or an element of a map or
		// slice literal: follow the field or the container.
		if outer, ok := cur.Parent().Parent().Node().(*ast.CompositeLit); ok {
			if _, isStruct := match.DerefUnderlying(info.TypeOf(outer)).(*types.Struct); isStruct {
				if key, ok := p.Key.(*ast.Ident); ok {
					if s := c.dest(key, k); s != nil {
						sum.merge(s)
						return
					}
				}
			} else if s := c.container(cur.Parent().Parent(), k); s != nil {
				sum.merge(s)
				return
			}
		}
	}
	sum.escapes = true
}

// appendedTo returns the summary of the variable xs when the value at cur
// is appended to it (xs = append(xs, v): v goes where xs goes), or nil.
func (c *checker) appendedTo(cur cursor, p *ast.CallExpr, k kind) *summary {
	info := c.pass.TypesInfo
	id, ok := ast.Unparen(p.Fun).(*ast.Ident)
	if !ok || len(p.Args) <= 1 || p.Args[0] == cur.Node() || p.Ellipsis.IsValid() {
		return nil
	}
	if b, ok := info.Uses[id].(*types.Builtin); !ok || b.Name() != "append" {
		return nil
	}
	as, ok := cur.Parent().Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != p || !sameVar(info, as.Lhs[0], p.Args[0]) {
		return nil
	}
	if v := varOf(info, as.Lhs[0]); v != nil && elemKind(v.Type()) == k {
		return c.varSummary(v, k)
	}
	return nil
}

// classifyReturned records the value at cur returned by p: a constructor,
// followed to its callers.
func (c *checker) classifyReturned(cur cursor, p *ast.ReturnStmt, k kind, sum *summary) {
	e := cur.Node()
	fn, ok := c.enclosingFunc(cur)
	idx := -1
	for i, r := range p.Results {
		if r == e {
			idx = i
		}
	}
	if !ok || k == transport || idx < 0 || !c.madeHere(e.(ast.Expr)) {
		sum.escapes = true
		return
	}
	sum.returned = true
	sum.returnedBy = append(sum.returnedBy, retSite{fn, idx})
}
