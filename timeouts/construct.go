package timeouts

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

// constructorFact is the fact exported on an exported function that
// returns a Server or Client it built without some timeouts, when its
// callers in its own package set them before serving or sending (so the
// literal is not reported): callers in other packages must set Missing.
type constructorFact struct {
	Kind    string // "server" or "client"
	Result  int    // index of the result
	Missing []string
}

func (*constructorFact) AFact() {}

func (f *constructorFact) String() string {
	return fmt.Sprintf("returns an http.%s without %s", kindName(f.Kind), strings.Join(f.Missing, ", "))
}

func kindName(k string) string {
	if k == "server" {
		return "Server"
	}
	return "Client"
}

func (k kind) String() string {
	switch k {
	case server:
		return "server"
	case client:
		return "client"
	case transport:
		return "transport"
	}
	return "none"
}

// exported reports whether fn can be called from other packages.
func exported(fn *types.Func) bool {
	if !fn.Exported() {
		return false
	}
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		t = match.Deref(t)
		if n, ok := types.Unalias(t).(*types.Named); ok && !n.Obj().Exported() {
			return false
		}
	}
	return true
}

// constructed reports a value of kind k, created at [pos, end) (by lit
// when a literal) with the fields all set, that its function returns
// without serving or sending it. The value is followed to the callers in
// the package: reported with the fields the callers that serve or send it
// leave unset; silent when they set them (an exported constructor then
// gets a constructorFact for callers in other packages); an exported
// constructor with no caller in view that serves or sends is reported at
// its literal, where the fix belongs.
func (c *checker) constructed(k kind, cur cursor, lit *ast.CompositeLit, pos, end token.Pos, all map[string]bool, sum *summary) {
	var m []string
	decided := false
	for _, site := range sum.returnedBy {
		for _, call := range c.callsOf(site.fn) {
			s := c.result(call, site, k)
			if s == nil || s.escapes || s.returned || !s.used || (k == server && c.local(nil, s)) {
				continue
			}
			decided = true
			for _, f := range missing(k, union(all, s.sets)) {
				if !contains(m, f) {
					m = append(m, f)
				}
			}
		}
	}
	contract := false
	if !decided {
		// Only servers: a client constructor often wraps a RoundTripper
		// (a fake, a cache, a retrying shim) that owns the timeouts, and
		// the caller may set Timeout. Strict mode reports exported client
		// constructors, and every server constructor, as contract
		// findings.
		for _, site := range sum.returnedBy {
			if k == server && exported(site.fn) {
				m = missing(k, all)
				contract = false
				break
			}
			if c.strict && (k == server || k == client && exported(site.fn)) {
				m = missing(k, all)
				contract = true
			}
		}
	} else if len(m) == 0 {
		if mm := missing(k, all); len(mm) > 0 {
			for _, site := range sum.returnedBy {
				if exported(site.fn) {
					c.pass.ExportObjectFact(site.fn, &constructorFact{Kind: k.String(), Result: site.idx, Missing: mm})
				}
			}
		}
		return
	}
	if len(m) == 0 {
		return
	}
	c.diagnose(k, cur, lit, pos, end, all, m, false, contract)
}

// callsOf returns the calls of fn, a function of the package, in the
// order a walk of the package meets them. It finds them through the
// engine's index of identifiers and builds the cursor of each from its
// path, instead of walking every declaration that calls one of the
// package's functions (on go-github's test package, every test).
func (c *checker) callsOf(fn *types.Func) []cursor {
	if c.calls == nil {
		c.calls = make(map[*types.Func][]cursor)
		c.callees = make(map[*types.Func][]*ast.Ident)
		for _, id := range c.idx.Uses(c.ownFunc) {
			f := c.pass.TypesInfo.Uses[id].(*types.Func)
			c.callees[f] = append(c.callees[f], id)
		}
	}
	if calls, ok := c.calls[fn]; ok {
		return calls
	}
	var calls []cursor
	for _, id := range c.callees[fn] {
		if call := calledBy(c.idx.PathTo(id)); call != nil && match.Callee(c.pass.TypesInfo, call) == fn {
			calls = append(calls, c.cursorAt(call))
		}
	}
	// A walk meets an outer call before the calls in its function
	// expression: by start, then the longer first.
	sort.SliceStable(calls, func(i, j int) bool {
		a, b := calls[i].Node(), calls[j].Node()
		return a.Pos() < b.Pos() || (a.Pos() == b.Pos() && a.End() > b.End())
	})
	c.calls[fn] = calls
	return calls
}

// calledBy returns the call whose function expression is path's first
// node, an identifier (f(…), x.f(…), f[T](…), (f)(…)), or nil.
func calledBy(path []ast.Node) *ast.CallExpr {
	if len(path) == 0 {
		return nil
	}
	fun := path[0]
	for _, n := range path[1:] {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if n.Sel != fun {
				return nil
			}
		case *ast.ParenExpr:
		case *ast.IndexExpr:
			if n.X != fun {
				return nil
			}
		case *ast.IndexListExpr:
			if n.X != fun {
				return nil
			}
		case *ast.CallExpr:
			if n.Fun != fun {
				return nil
			}
			return n
		default:
			return nil
		}
		fun = n
	}
	return nil
}

// result follows the result site.idx of the call at cur and returns what
// the package does with it, or nil when the analyzer cannot know.
func (c *checker) result(cur cursor, site retSite, k kind) *summary {
	if !c.tests && c.inTestFile(cur.Node().Pos()) {
		return nil
	}
	call := cur.Node().(*ast.CallExpr)
	if site.fn.Signature().Results().Len() == 1 {
		return c.follow(cur, k)
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && p.Rhs[0] == call && site.idx < len(p.Lhs) {
			if id, ok := p.Lhs[site.idx].(*ast.Ident); ok && id.Name == "_" {
				return nil
			}
			return c.destAt(p.Lhs[site.idx], k, p.Pos())
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && site.idx < len(p.Names) {
			return c.destAt(p.Names[site.idx], k, p.Pos())
		}
	}
	return nil
}

// importedConstructor reports a call of a function of another package
// whose constructorFact says it returns a Server or Client without some
// timeouts, when the caller serves or sends with it without setting them.
func (c *checker) importedConstructor(cur cursor, call *ast.CallExpr, fn *types.Func) {
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg {
		return
	}
	var f constructorFact
	if !c.pass.ImportObjectFact(fn, &f) {
		return
	}
	k := server
	if f.Kind == "client" {
		k = client
	}
	if !k.enabled() {
		return
	}
	s := c.result(cur, retSite{fn, f.Result}, k)
	if s == nil || s.escapes || s.returned || !s.used || (k == server && c.local(nil, s)) {
		return
	}
	set := make(map[string]bool)
	for _, name := range []string{"ReadHeaderTimeout", "IdleTimeout", "Timeout"} {
		if !contains(f.Missing, name) {
			set[name] = true
		}
	}
	for name := range s.sets {
		set[name] = true
	}
	m := missing(k, set)
	if len(m) == 0 {
		return
	}
	msg := message(k, m, false)
	msg = strings.Replace(msg, "http."+kindName(f.Kind)+" without", fmt.Sprintf("http.%s from %s.%s without", kindName(f.Kind), fn.Pkg().Name(), fn.Name()), 1)
	suppress.Report(c.pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg + "; set them before serving or sending"})
}
