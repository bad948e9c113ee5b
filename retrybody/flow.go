package retrybody

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// A site is a send at node I of block B of a function's graph.
type site struct {
	b *cfg.Block
	i int
	send
}

// analyze checks the sends of fn: it records the facts of a wrapper while
// they are computed (and reports whether one is new), and reports
// re-sends once they are final.
func (c *checker) analyze(fn *engine.Func) (changed bool) {
	g := fn.CFG()
	if g == nil {
		return false
	}
	changed = c.recordGoSends(fn)
	c.budget = engine.NewBudget()
	sites, byNode := c.sites(g)
	if len(sites) == 0 {
		return changed
	}
	escaped := c.escaping(fn)
	for _, s := range sites {
		if escaped[s.req.root] {
			continue
		}
		d := c.defsOf(g, s.b, s.i, s.req, byNode)
		p, isParam := paramOf(fn, s.req)
		fromCaller := d.entry && isParam
		if !d.body && d.entry && len(d.stops) == 0 {
			// A field the package alone sets holds what it stores
			// there, whoever the caller is.
			if c.fieldRequests(&d, s.send) {
				fromCaller = false
			}
		}
		c.checkCaptured(fn, s, d)
		if s.resend {
			if d.body {
				c.reportWrapper(s.send)
			}
			if fromCaller && c.record(fn, p, true) {
				changed = true
			}
			continue
		}
		if fromCaller && c.record(fn, p, false) {
			changed = true
		}
		if !d.body && !fromCaller {
			continue
		}
		again, between := c.resendFrom(g, s.b, s.i, s.req, d.bodyKeys, byNode)
		if again == nil {
			continue
		}
		if c.touchedInLoop(*again, d.stops) || c.touchedInLoop(*again, between) {
			continue
		}
		if d.body {
			c.reportResend(s.send, *again, d)
		}
		if fromCaller && c.record(fn, p, true) {
			changed = true
		}
	}
	return changed
}

// touchedInLoop reports whether a path back from the first send ends
// inside the body of the innermost loop around the re-send where the
// request, or its body, is set: within the attempt loop, under a
// condition the analysis does not follow (if data != nil { req.Body = …
// }), and the path that skips it is likely one where there is no body.
// A path that ends at a use the analysis cannot follow (the request
// given to a function value) says nothing of the body: the path that
// skips that use re-sends the request as it was.
func (c *checker) touchedInLoop(again send, stops []ast.Node) bool {
	var body *ast.BlockStmt
	for _, n := range c.idx.PathTo(again.call) {
		switch n := n.(type) {
		case *ast.ForStmt:
			body = n.Body
		case *ast.RangeStmt:
			body = n.Body
		case *ast.FuncLit:
			return false
		}
		if body != nil {
			break
		}
	}
	if body == nil {
		return false
	}
	for _, st := range stops {
		if body.Pos() <= st.Pos() && st.End() <= body.End() && c.sets(st, again.req) {
			return true
		}
	}
	return false
}

// sets reports whether node n assigns the request k, a value holding
// it, or its Body or GetBody.
func (c *checker) sets(n ast.Node, k key) bool {
	for _, e := range match.Assigned(n) {
		ck, ok := keyOf(c.info, e)
		if !ok {
			continue
		}
		switch rel, field := relate(ck, k); rel {
		case same, outside:
			return true
		case inside:
			if field == "Body" || field == "GetBody" {
				return true
			}
		}
	}
	return false
}

// sites returns the sends of g's nodes outside nested function literals,
// in block order, and by node.
func (c *checker) sites(g *engine.Graph) ([]site, map[ast.Node][]send) {
	var sites []site
	byNode := make(map[ast.Node][]send)
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for i, n := range b.Nodes {
			ast.Inspect(n, func(m ast.Node) bool {
				switch m := m.(type) {
				case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
					return false // runs elsewhere, or later
				case *ast.CallExpr:
					for _, s := range c.sendsOf(m) {
						sites = append(sites, site{b, i, s})
						byNode[n] = append(byNode[n], s)
					}
				}
				return true
			})
		}
	}
	return sites, byNode
}

// escaping returns the variables whose address fn takes or that a
// function literal in fn refers to: what happens to their requests is out
// of sight.
func (c *checker) escaping(fn *engine.Func) map[*types.Var]bool {
	out := make(map[*types.Var]bool)
	ast.Inspect(fn.Body(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok && !v.IsField() {
						out[v] = true
					}
				}
				return true
			})
			return false
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok {
						out[v] = true
					}
				}
			}
		}
		return true
	})
	return out
}

// effect says what node n does to the request k: it sends it (sent), or
// it may give it another body, or does something the analysis cannot
// follow (stop). bodyKeys hold the reader of the request's body: any use
// of one or of its fields (a Seek, a Reset) stops too; other fields of the
// variable that holds it, and its methods, do not (the reader the request
// holds is not reassigned by them).
func (c *checker) effect(n ast.Node, k key, bodyKeys []key, byNode map[ast.Node][]send) (stop bool, sent []send) {
	info := c.info
	var skip []ast.Node // the arguments of sends of k, and req = req.WithContext(ctx)
	for _, s := range byNode[n] {
		if s.req == k {
			sent = append(sent, s)
			skip = append(skip, s.arg)
		}
	}
	if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
		for j, lhs := range as.Lhs {
			rhs := as.Rhs[j]
			shared := sharedCopy(info, rhs)
			if lk, ok := keyOf(info, lhs); ok && lk == k && shared != rhs {
				if rk, ok := keyOf(info, shared); ok && rk == k {
					skip = append(skip, lhs, rhs)
				}
			}
		}
	}
	match.InspectStack(n, func(m ast.Node, stack []ast.Node) bool {
		if stop {
			return false
		}
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		for _, s := range skip {
			if m == s {
				return false
			}
		}
		if e, ok := m.(ast.Expr); ok {
			if ck, ok := keyOf(info, e); ok {
				if ck.root == k.root {
					stop = c.stops(e, ck, k, stack) && !shortCircuited(stack, e)
					return false
				}
				for _, bk := range bodyKeys {
					if rel, _ := relate(ck, bk); rel == same || rel == inside {
						stop = true
						return false
					}
				}
			}
		}
		return true
	})
	if stop {
		return true, nil
	}
	return false, sent
}

// shortCircuited reports whether e is in the right operand of a && or
// || on the stack: a path skips it (the graph keeps a condition as one
// node), and on that path the request goes on unchanged.
func shortCircuited(stack []ast.Node, e ast.Expr) bool {
	for _, n := range stack {
		if b, ok := n.(*ast.BinaryExpr); ok && (b.Op == token.LAND || b.Op == token.LOR) &&
			b.Y.Pos() <= e.Pos() && e.End() <= b.Y.End() {
			return true
		}
	}
	return false
}

// harmlessMethods are the methods of *http.Request that leave its body
// alone.
var harmlessMethods = map[string]bool{
	"Context": true, "Cookies": true, "CookiesNamed": true, "Cookie": true, "AddCookie": true,
	"UserAgent": true, "Referer": true, "BasicAuth": true, "SetBasicAuth": true,
	"ProtoAtLeast": true, "PathValue": true, "SetPathValue": true,
}

// stops reports whether e, the longest chain of fields of k's variable
// at this place, is used in a way that may give the request k another body
// or that the analysis cannot follow: assigned, passed to a function,
// copied, its Body or GetBody touched. Reading or setting its other
// fields (req.Header.Set, req.URL), harmless methods, comparisons with
// nil and printing are not.
func (c *checker) stops(e ast.Expr, ck, k key, stack []ast.Node) bool {
	rel, field := relate(ck, k)
	switch rel {
	case unrelated:
		return false
	case inside:
		return field == "Body" || field == "GetBody"
	case outside:
		return true
	}
	parent, child, _ := match.ParentOf(e, stack)
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		return !harmlessMethods[p.Sel.Name]
	case *ast.BinaryExpr:
		return !((p.Op == token.EQL || p.Op == token.NEQ) && (match.IsNil(c.info, p.X) || match.IsNil(c.info, p.Y)))
	case *ast.CallExpr:
		if p.Fun == child {
			return true
		}
		if fn := match.Callee(c.info, p); fn != nil && fn.Pkg() != nil {
			switch fn.Pkg().Path() {
			case "fmt", "log", "log/slog":
				return false
			}
			for i, arg := range p.Args {
				if arg == child && c.leavesBody(fn, i) {
					return false
				}
			}
		}
		return true
	}
	return true
}

// resendFrom walks forward from the send at node i of block b and returns
// a send of the request k that may run next without its body being reset
// in between, or nil, and the nodes where the paths from the send end
// before any such send (a reset, or a use the analysis cannot follow).
// Every path is walked (the stops decide touchedInLoop), within the
// function's search budget: past it, nil.
func (c *checker) resendFrom(g *engine.Graph, b *cfg.Block, i int, k key, bodyKeys []key, byNode map[ast.Node][]send) (again *send, stops []ast.Node) {
	seen := make(map[*cfg.Block]bool)
	var found *send
	var walk func(b *cfg.Block, from int)
	walk = func(b *cfg.Block, from int) {
		for j := from; j < len(b.Nodes); j++ {
			if !c.budget.Spend() {
				return // past the budget: no conclusion
			}
			stop, sent := c.effect(b.Nodes[j], k, bodyKeys, byNode)
			if stop {
				stops = append(stops, b.Nodes[j])
				return
			}
			if len(sent) > 0 {
				if found == nil {
					found = &sent[0]
				}
				return // the paths on are the re-send's own
			}
		}
		for _, s := range b.Succs {
			if seen[s] {
				continue
			}
			seen[s] = true
			if s.Kind == cfg.KindRangeLoop && c.rangeAssigns(s.Stmt, k) {
				continue // a new request each iteration
			}
			walk(s, 0)
		}
	}
	walk(b, i+1)
	if c.budget.Spent() {
		return nil, nil
	}
	return found, stops
}

// rangeAssigns reports whether the range statement stmt assigns the
// variable of k on each iteration.
func (c *checker) rangeAssigns(stmt ast.Stmt, k key) bool {
	rs, ok := stmt.(*ast.RangeStmt)
	if !ok {
		return false
	}
	for _, e := range []ast.Expr{rs.Key, rs.Value} {
		if e == nil {
			continue
		}
		if ek, ok := keyOf(c.info, e); ok && ek.root == k.root {
			return true
		}
	}
	return false
}
