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
	cur = outsideParensAndAddr(cur)
	e := cur.Node().(ast.Expr)
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == e && len(p.Lhs) == len(p.Rhs) {
				return c.followAssigned(cur, p, i, k)
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
		return c.followKeyValue(cur, p, k)
	case *ast.CompositeLit:
		// An element of a slice or array literal.
		return c.container(cur.Parent(), k)
	}
	sum := new(summary)
	c.classify(cur, k, sum)
	return sum
}

// outsideParensAndAddr goes up from cur through parentheses and &.
func outsideParensAndAddr(cur cursor) cursor {
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
		return cur
	}
}

// followAssigned follows the value at cur assigned to the i-th left-hand
// side of p.
func (c *checker) followAssigned(cur cursor, p *ast.AssignStmt, i int, k kind) *summary {
	// client.Transport = &http.Transport{…} for a client with
	// a Timeout in view.
	if sel, ok := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr); ok && k == transport {
		if v, ok := c.pass.TypesInfo.ObjectOf(sel.Sel).(*types.Var); ok && isClientTransport(v) {
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

// followKeyValue follows the value at cur given as the value of the key p
// in a composite literal: a field of a struct, or an element of a
// container.
func (c *checker) followKeyValue(cur cursor, p *ast.KeyValueExpr, k kind) *summary {
	info := c.pass.TypesInfo
	outer, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
	if !ok {
		return nil
	}
	if _, isStruct := match.DerefUnderlying(info.TypeOf(outer)).(*types.Struct); !isStruct {
		return c.container(cur.Parent().Parent(), k)
	}
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
