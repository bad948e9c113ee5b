package retrybody

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

// A new request per attempt is no remedy when its body is the same reader
// every time: the first send read it to the end, and the next request,
// built in the loop around that reader (as given, or wrapped: a function
// given the reader consumes it through whatever it returns), sends what
// is left of it — nothing. Reported where the request is built in the
// loop, when the reader comes from outside the loop, a send of the
// request can reach that build again, and nothing else in the loop
// touches the reader (a Seek, a type assertion to io.Seeker, a new
// value: the analysis takes any other use for a rewind).

// checkReusedReaders reports the requests fn builds in a loop around a
// reader from outside it.
func (c *checker) checkReusedReaders(fn *engine.Func, sites []site) {
	if len(sites) == 0 {
		return
	}
	ast.Inspect(fn.Body(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if match.IsFunc(match.Callee(c.info, n), match.NetHTTP, "NewRequest", "NewRequestWithContext") && len(n.Args) >= 3 {
				c.checkReusedReader(fn, n, sites)
			}
		}
		return true
	})
}

func (c *checker) checkReusedReader(fn *engine.Func, build *ast.CallExpr, sites []site) {
	loop := c.innermostLoop(build)
	if loop == nil {
		return
	}
	r := readerChain{c: c, loop: loop, chain: make(map[ast.Node]bool)}
	if !r.resolve(build.Args[len(build.Args)-1], 3) || len(r.outside) == 0 {
		return
	}
	req, ok := c.builtInto(build)
	if !ok {
		return
	}
	for _, o := range r.outside {
		if r.usedElsewhere(o) {
			return
		}
	}
	g := fn.CFG()
	for _, s := range sites {
		if s.req != req || !within(loop, s.call) || !reachesAgain(g, s, build) {
			continue
		}
		suppress.Reportf(c.pass, build,
			"each attempt builds a new request around the same reader %s, which the %s at line %d read to its end, so a retry sends an empty body; rewind it (Seek) before each attempt, or read it once and give each request a new reader of the bytes",
			types.ExprString(r.outsideExprs[0]), sendName(&s.send), c.line(s.call))
		return
	}
}

// innermostLoop returns the for or range statement of the function
// around n, or nil.
func (c *checker) innermostLoop(n ast.Node) ast.Stmt {
	for _, p := range c.idx.PathTo(n) {
		switch p := p.(type) {
		case *ast.FuncLit:
			return nil
		case *ast.ForStmt:
			return p
		case *ast.RangeStmt:
			return p
		}
	}
	return nil
}

// builtInto returns the request variable (or field) build's request is
// assigned to.
func (c *checker) builtInto(build *ast.CallExpr) (key, bool) {
	path := c.idx.PathTo(build)
	if len(path) < 2 {
		return key{}, false
	}
	switch p := path[1].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && p.Rhs[0] == build && len(p.Lhs) >= 1 {
			return keyOf(c.info, p.Lhs[0])
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && p.Values[0] == build && len(p.Names) >= 1 {
			return keyOf(c.info, p.Names[0])
		}
	}
	return key{}, false
}

func within(outer, n ast.Node) bool { return outer.Pos() <= n.Pos() && n.End() <= outer.End() }

// reachesAgain reports whether a path leads from the send s to build:
// the loop goes round after the send.
func reachesAgain(g *engine.Graph, s site, build ast.Node) bool {
	b, i, ok := g.Locate(build)
	if !ok {
		return false
	}
	sendNode := s.b.Nodes[s.i]
	found := false
	g.Backward(b, i, func(n ast.Node) bool {
		if n == sendNode {
			found = true
		}
		return !found
	}, nil)
	return found
}

// A readerChain follows a request's body back to the readers from outside
// a loop that it reads: the variables and fields it is, or that a call
// was given to make it, through the local variables of the loop.
type readerChain struct {
	c            *checker
	loop         ast.Stmt
	outside      []key
	outsideExprs []ast.Expr
	chain        map[ast.Node]bool // the expressions followed: uses that are not rewinds
}

// resolve follows e; false when it meets what it cannot follow (a local
// whose address is taken or that a closure refers to).
func (r *readerChain) resolve(e ast.Expr, depth int) bool {
	if depth == 0 {
		return true
	}
	info := r.c.info
	e = ast.Unparen(e)
	if r.c.emptyBody(e) {
		return true // http.NoBody, nil, an empty reader: nothing to consume
	}
	if k, ok := keyOf(info, e); ok {
		r.chain[e] = true
		if !declaredIn(r.loop, k.root) {
			if isReader(info.TypeOf(e)) {
				r.outside = append(r.outside, k)
				r.outsideExprs = append(r.outsideExprs, e)
			}
			return true
		}
		if k.path != "" {
			return true // a field of a value made in the loop
		}
		return r.resolveLocal(k.root, depth)
	}
	if call, ok := e.(*ast.CallExpr); ok {
		for _, arg := range call.Args {
			if isReader(info.TypeOf(arg)) && !r.resolve(arg, depth-1) {
				return false
			}
		}
	}
	return true
}

// resolveLocal follows every value the loop assigns to v, declared in it.
func (r *readerChain) resolveLocal(v *types.Var, depth int) bool {
	ok := true
	ast.Inspect(r.loop, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			if match.Mentions(r.c.info, n, v) {
				ok = false
			}
			return false
		case *ast.UnaryExpr:
			if id, isID := ast.Unparen(n.X).(*ast.Ident); isID && r.c.info.Uses[id] == v {
				ok = false // &v
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				if id, isID := lhs.(*ast.Ident); isID && r.c.info.ObjectOf(id) == v {
					ok = ok && r.resolve(n.Rhs[i], depth-1)
				}
			}
		}
		return true
	})
	return ok
}

// usedElsewhere reports whether the loop uses the outside reader o, or a
// value it is part of, other than where the chain followed it.
func (r *readerChain) usedElsewhere(o key) bool {
	used := false
	ast.Inspect(r.loop, func(n ast.Node) bool {
		if used || r.chain[n] {
			return false
		}
		if e, ok := n.(ast.Expr); ok {
			if k, ok := keyOf(r.c.info, e); ok {
				if rel, _ := relate(k, o); rel != unrelated {
					used = true
				}
				return false
			}
		}
		return true
	})
	return used
}

// declaredIn reports whether v is declared within n.
func declaredIn(n ast.Node, v *types.Var) bool { return n.Pos() <= v.Pos() && v.Pos() < n.End() }

// isReader reports whether t has a Read method: a value given to a
// function that reads it.
func isReader(t types.Type) bool {
	sig := match.MethodSig(t, "Read")
	return sig != nil && sig.Params().Len() == 1 && sig.Results().Len() == 2
}
