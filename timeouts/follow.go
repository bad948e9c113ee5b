package timeouts

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// summary is what the package does with a variable (local, package-level
// or struct field) holding a tracked value.
type summary struct {
	sets    map[string]bool // timeout fields assigned somewhere
	used    bool            // serves or sends (a request with no context from elsewhere)
	sends   bool            // sends, with any request
	escapes bool            // goes where the analyzer cannot follow

	// returned: the value is returned by its function (a constructor),
	// in returnedBy.
	returned   bool
	returnedBy []retSite

	// Transports: the http.Client literals without Timeout whose
	// Transport the value is (directly, or through a variable or field
	// holding only such literals). Where each of them is reported for its
	// missing Timeout, that one finding covers the dial and the handshake.
	clients []*ast.CompositeLit
	// timed: the Transport of a Client whose Timeout bounds its requests.
	timed bool

	// Servers: where they listen.
	listens bool   // ListenAndServe or ListenAndServeTLS: on Addr
	public  bool   // Serve or ServeTLS on a listener visibly public (listenerReach)
	addr    string // the Addr assigned ("" none, "?" unknown)
}

func (s *summary) setAddr(a string) {
	switch {
	case s.addr == "":
		s.addr = a
	case s.addr != a && !(isLoopback(s.addr) && isLoopback(a)):
		s.addr = "?"
	}
}

func (s *summary) set(name string) {
	if s.sets == nil {
		s.sets = make(map[string]bool)
	}
	s.sets[name] = true
}

// copy returns a copy of s that can be changed without changing s, which
// may be a variable's cached summary.
func (s *summary) copy() *summary {
	n := new(summary)
	n.merge(s)
	return n
}

func (s *summary) merge(o *summary) {
	for k := range o.sets {
		s.set(k)
	}
	s.used = s.used || o.used
	s.sends = s.sends || o.sends
	s.escapes = s.escapes || o.escapes
	s.returned = s.returned || o.returned
	s.returnedBy = append(s.returnedBy, o.returnedBy...)
	s.clients = append(s.clients, o.clients...)
	s.timed = s.timed || o.timed
	s.listens = s.listens || o.listens
	s.public = s.public || o.public
	if o.addr != "" {
		s.setAddr(o.addr)
	}
}

// follow finds where the value created at cur goes, and returns what the
// package does with it, or nil when the analyzer cannot know.
func (c *checker) follow(cur cursor, k kind) *summary {
	// Go up through parentheses and &.
	for {
		p := cur.Parent()
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				cur = p
				continue
			}
		}
		break
	}
	e := cur.Node().(ast.Expr)
	info := c.pass.TypesInfo
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == e && len(p.Lhs) == len(p.Rhs) {
				// client.Transport = &http.Transport{…} for a client with
				// a Timeout in view.
				if sel, ok := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr); ok && k == transport {
					if v, ok := info.ObjectOf(sel.Sel).(*types.Var); ok && isClientTransport(v) {
						timed, untimed := c.clientTimeout(cur, sel.X)
						if timed {
							return boundedTransport()
						}
						if sum := c.destAt(p.Lhs[i], k, p.Pos()); sum != nil {
							sum = sum.copy()
							sum.clients = append(sum.clients, untimed...)
							return sum
						}
						return nil
					}
				}
				return c.destAt(p.Lhs[i], k, p.Pos())
			}
		}
		return nil
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == e && len(p.Names) == len(p.Values) {
				return c.destAt(p.Names[i], k, p.Pos())
			}
		}
		return nil
	case *ast.KeyValueExpr:
		if p.Value != e {
			return nil
		}
		outer, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
		if !ok {
			return nil
		}
		if _, isStruct := typeUnder(info.TypeOf(outer)).(*types.Struct); isStruct {
			key, ok := p.Key.(*ast.Ident)
			if !ok {
				return nil
			}
			if k == transport {
				if v, ok := info.Uses[key].(*types.Var); ok && v.IsField() && isClientTransport(v) && match.IsNamedOrPointer(info.TypeOf(outer), match.NetHTTP, "Client") {
					if c.literalTimeout(cur.Parent().Parent(), outer) {
						return boundedTransport()
					}
					if sum := c.dest(key, k); sum != nil {
						sum = sum.copy()
						sum.clients = append(sum.clients, outer)
						return sum
					}
					return nil
				}
			}
			return c.dest(key, k)
		}
		return c.container(cur.Parent().Parent(), k)
	case *ast.CompositeLit:
		// An element of a slice or array literal.
		return c.container(cur.Parent(), k)
	}
	sum := new(summary)
	c.classify(cur, k, sum)
	return sum
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return t.Underlying()
}

// dest returns the summary of the variable or field that lhs denotes, or
// nil when the analyzer cannot see all its uses.
func (c *checker) dest(lhs ast.Expr, k kind) *summary {
	return c.destAt(lhs, k, token.NoPos)
}

// destAt is dest for a value assigned at pos: when lhs is a local
// variable assigned more than once, only its uses from pos to its next
// assignment see that value (a field set on the value it held before is
// not set on this one).
func (c *checker) destAt(lhs ast.Expr, k kind, pos token.Pos) *summary {
	info := c.pass.TypesInfo
	lhs = ast.Unparen(lhs)
	var v *types.Var
	switch lhs := lhs.(type) {
	case *ast.Ident:
		v, _ = info.ObjectOf(lhs).(*types.Var)
	case *ast.SelectorExpr:
		if sel := info.Selections[lhs]; sel != nil && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
		}
	}
	if v == nil {
		return nil
	}
	if k == transport && v.IsField() && c.isRoundTripperField(v) {
		return new(summary) // the Transport of an http.Client, a ReverseProxy: used as is
	}
	if pos.IsValid() && !v.IsField() && v.Parent() != nil && v.Parent() != c.pass.Pkg.Scope() {
		if end, ok := c.nextAssign(v, pos); ok {
			return c.varSummaryIn(v, k, pos, end)
		}
	}
	return c.varSummary(v, k)
}

// varSummary returns what the package does with the variable v holding
// values of kind k (or a container of them), or nil when v may be used
// outside the package.
func (c *checker) varSummary(v *types.Var, k kind) *summary {
	if v.Pkg() != c.pass.Pkg || v.Name() == "_" {
		return nil
	}
	if v.IsField() {
		if v.Exported() || v.Embedded() {
			return nil // other packages may configure it
		}
	} else if v.Parent() == c.pass.Pkg.Scope() && v.Exported() {
		return nil
	}
	container := elemKind(v.Type()) == k
	if !container && kindOf(v.Type()) != k {
		return nil // an interface (http.RoundTripper): cannot follow
	}
	if sum, ok := c.summaries[v]; ok {
		return sum
	}
	uses := c.usesOf(v)
	if c.results[v] {
		return nil // a named result: returned to the caller
	}
	sum := new(summary)
	c.summaries[v] = sum // breaks cycles
	for _, use := range uses {
		id := use.Node().(*ast.Ident)
		ecur := use
		if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			ecur = use.Parent()
		} else if kv, ok := use.Parent().Node().(*ast.KeyValueExpr); ok && kv.Key == id {
			continue // a field key in a literal: a store, followed from the value
		}
		if container {
			c.classifyContainer(ecur, k, sum)
		} else {
			c.classify(ecur, k, sum)
		}
	}
	return sum
}

// usesOf returns the identifiers that use v.
func (c *checker) usesOf(v *types.Var) []cursor {
	if c.uses == nil {
		c.uses = make(map[*types.Var][]cursor)
		c.results = make(map[*types.Var]bool)
		c.walk(declSet(c.idx.Decls(trackedVar)), func(cur cursor) {
			if ft, ok := cur.Node().(*ast.FuncType); ok {
				if ft.Results != nil {
					for _, f := range ft.Results.List {
						for _, name := range f.Names {
							if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok {
								c.results[v] = true
							}
						}
					}
				}
				return
			}
			id, ok := cur.Node().(*ast.Ident)
			if !ok {
				return
			}
			w, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
			if !ok || w.Pkg() != c.pass.Pkg {
				return
			}
			if kindOf(w.Type()) != none || elemKind(w.Type()) != none {
				c.uses[w] = append(c.uses[w], cur)
			}
		})
	}
	return c.uses[v]
}

// classify records in sum what is done with the value denoted by the
// expression at cur.
func (c *checker) classify(cur cursor, k kind, sum *summary) {
	info := c.pass.TypesInfo
	cur = outsideParens(cur)
	e := cur.Node()
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr:
		if p.X != e {
			return
		}
		sel := info.Selections[p]
		if sel == nil {
			sum.escapes = true
			return
		}
		name := p.Sel.Name
		switch sel.Kind() {
		case types.FieldVal:
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
						sum.set(fieldKey(info, name, val))
					}
				}
			case *ast.UnaryExpr:
				if gp.Op == token.AND {
					sum.set(name) // &srv.ReadTimeout, set through the pointer
				}
			}
		case types.MethodVal:
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
			sum.sends = true
			if k == client {
				// A Timeout would cut a streamed response.
				if call, ok := cur.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == p && c.streamed(cur.Parent().Parent()) {
					return
				}
			}
			if k == client && name == "Do" {
				// A request with a context from elsewhere may have a
				// deadline.
				call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
				if !ok || call.Fun != p || len(call.Args) != 1 || !c.bareRequest(cur, call.Args[0]) {
					return
				}
			}
			if k == client && name != "Do" {
				// Get & co. leaving out the context in scope: reqctx's.
				if call, ok := cur.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == p && c.reqctxOwns(call) {
					return
				}
			}
			sum.used = true
		default:
			sum.escapes = true
		}
	case *ast.AssignStmt:
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
				if k == transport {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
						if s := info.Selections[sel]; s != nil {
							if v, ok := s.Obj().(*types.Var); ok && c.isRoundTripperField(v) {
								if isClientTransport(v) {
									if timed, untimed := c.clientTimeout(cur, sel.X); timed {
										sum.merge(boundedTransport())
									} else {
										sum.clients = append(sum.clients, untimed...)
									}
								}
								return
							}
						}
					}
				}
			}
		}
		sum.escapes = true
	case *ast.KeyValueExpr:
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
				if _, isStruct := typeUnder(info.TypeOf(outer)).(*types.Struct); isStruct {
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
	case *ast.CompositeLit:
		// An element of a slice or array literal.
		if s := c.container(cur.Parent(), k); s != nil {
			sum.merge(s)
			return
		}
		sum.escapes = true
	case *ast.CallExpr:
		// xs = append(xs, v): v goes where xs goes.
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok && len(p.Args) > 1 && p.Args[0] != e && !p.Ellipsis.IsValid() {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "append" {
				if as, ok := cur.Parent().Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 && as.Rhs[0] == p && sameVar(info, as.Lhs[0], p.Args[0]) {
					if v := varOf(info, as.Lhs[0]); v != nil && elemKind(v.Type()) == k {
						if s := c.varSummary(v, k); s != nil {
							sum.merge(s)
							return
						}
					}
				}
			}
		}
		sum.escapes = true
	case *ast.ReturnStmt:
		// Returned by a constructor: followed to its callers.
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
	case *ast.BinaryExpr:
		if p.Op != token.EQL && p.Op != token.NEQ {
			sum.escapes = true
		}
	default:
		sum.escapes = true
	}
}
