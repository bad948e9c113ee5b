package deadlineconn

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports absolute deadlines set on connections returned by
// http.Transport dial hooks.
var Analyzer = &analysis.Analyzer{
	Name:             "deadlineconn",
	Doc:              docs.Extract(doc, "deadlineconn"),
	URL:              "https://github.com/httpvet/httpvet/blob/main/docs/deadlineconn.md",
	Requires:         []*analysis.Analyzer{inspect.Analyzer, suppress.Analyzer},
	Run:              run,
	FactTypes:        []analysis.Fact{new(returnsDeadline), new(setsDeadline), new(returnsDialer)},
	RunDespiteErrors: true,
}

// returnsDeadline is the fact on a function that returns a connection on
// which it set an absolute deadline that it did not clear.
type returnsDeadline struct{}

func (*returnsDeadline) AFact()         {}
func (*returnsDeadline) String() string { return "returnsDeadline" }

// setsDeadline is the fact on a function that sets an absolute deadline
// on its connection parameter number Param, and neither clears it nor
// closes the connection; Returns says it also returns that connection
// (return arm(conn, d), nil).
type setsDeadline struct {
	Param   int
	Returns bool
}

func (*setsDeadline) AFact() {}
func (f *setsDeadline) String() string {
	if f.Returns {
		return fmt.Sprintf("setsDeadline(#%d) and returns it", f.Param)
	}
	return fmt.Sprintf("setsDeadline(#%d)", f.Param)
}

// returnsDialer is the fact on a factory whose result is a dial func that
// sets an absolute deadline on the connection it returns: Call is what
// sets it (SetDeadline, a helper) at At (file:line), empty if unknown.
type returnsDialer struct {
	Call string
	At   string
}

func (*returnsDialer) AFact() {}
func (f *returnsDialer) String() string {
	if f.At == "" {
		return fmt.Sprintf("returnsDialer(%s)", f.Call)
	}
	return fmt.Sprintf("returnsDialer(%s at %s)", f.Call, f.At)
}

const message = "%s sets an absolute deadline on a connection returned by an http.Transport dial hook: " +
	"the deadline stays on the pooled connection and reused connections fail with i/o timeout; " +
	"use http.Client.Timeout or a request context deadline, Transport.ResponseHeaderTimeout, or net.Dialer.Timeout"

func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, decls: make(map[*types.Func]*ast.FuncDecl)}
	c.exportFacts(insp)
	if !match.ImportsOrIs(pass.Pkg, match.NetHTTP) {
		return nil, nil
	}
	noKeepAlive := c.disabledKeepAlives(insp)
	reported := make(map[token.Pos]bool)
	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			if !isTransport(pass.TypesInfo.TypeOf(n)) || literalDisablesKeepAlives(pass, n) {
				continue
			}
			if v := assignedVar(pass, cur); v != nil && noKeepAlive[v] {
				continue
			}
			for _, elt := range n.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if key, ok := kv.Key.(*ast.Ident); ok && isHookField(key.Name) {
					c.checkHook(kv, kv.Value, reported)
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok || !isHookField(sel.Sel.Name) || !isTransport(pass.TypesInfo.TypeOf(sel.X)) {
					continue
				}
				if v, ok := match.ObjectOf(pass.TypesInfo, sel.X).(*types.Var); ok && noKeepAlive[v] {
					continue
				}
				c.checkHook(n, n.Rhs[i], reported)
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass  *analysis.Pass
	decls map[*types.Func]*ast.FuncDecl
}

func isHookField(name string) bool {
	switch name {
	case "DialContext", "Dial", "DialTLSContext", "DialTLS":
		return true
	}
	return false
}

func isTransport(t types.Type) bool {
	return t != nil && match.IsNamedOrPointer(t, match.NetHTTP, "Transport")
}

// isTrue reports whether e is the constant true.
func isTrue(pass *analysis.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.String() == "true"
}

func literalDisablesKeepAlives(pass *analysis.Pass, lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "DisableKeepAlives" && isTrue(pass, kv.Value) {
				return true
			}
		}
	}
	return false
}

// disabledKeepAlives returns the variables of Transport type that are
// assigned DisableKeepAlives = true somewhere in the package.
func (c *checker) disabledKeepAlives(insp *inspector.Inspector) map[*types.Var]bool {
	vars := make(map[*types.Var]bool)
	for cur := range insp.Root().Preorder((*ast.AssignStmt)(nil)) {
		n := cur.Node().(*ast.AssignStmt)
		if len(n.Lhs) != len(n.Rhs) {
			continue
		}
		for i, lhs := range n.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "DisableKeepAlives" || !isTransport(c.pass.TypesInfo.TypeOf(sel.X)) || !isTrue(c.pass, n.Rhs[i]) {
				continue
			}
			if v, ok := match.ObjectOf(c.pass.TypesInfo, sel.X).(*types.Var); ok {
				vars[v] = true
			}
		}
	}
	return vars
}

// assignedVar returns the variable a Transport literal (or its address) is
// assigned to or declared with, if any.
func assignedVar(pass *analysis.Pass, cur inspector.Cursor) *types.Var {
	var expr ast.Node = cur.Node()
	p := cur.Parent()
	if u, ok := p.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		expr, p = u, p.Parent()
	}
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range n.Rhs {
			if rhs == expr && i < len(n.Lhs) && len(n.Lhs) == len(n.Rhs) {
				v, _ := match.ObjectOf(pass.TypesInfo, n.Lhs[i]).(*types.Var)
				return v
			}
		}
	case *ast.ValueSpec:
		for i, rhs := range n.Values {
			if rhs == expr && i < len(n.Names) && len(n.Names) == len(n.Values) {
				v, _ := pass.TypesInfo.Defs[n.Names[i]].(*types.Var)
				return v
			}
		}
	}
	return nil
}

// checkHook checks the dial hook expression hook; at is the Transport
// field (or assignment) used to report hooks from other packages.
func (c *checker) checkHook(at ast.Node, hook ast.Expr, reported map[token.Pos]bool) {
	pass := c.pass
	hook = ast.Unparen(hook)
	switch h := hook.(type) {
	case *ast.CallExpr:
		c.checkFactoryHook(h, reported)
		return
	case *ast.FuncLit:
		c.reportSets(h.Type, h.Body, reported)
		return
	case *ast.SelectorExpr:
		if c.checkDialerMethod(h, reported) {
			return
		}
	}
	fn, ok := funcObj(pass.TypesInfo, hook).(*types.Func)
	if !ok {
		return // a factory call, a variable: not analysed
	}
	fn = fn.Origin()
	if fn.Pkg() == pass.Pkg {
		if decl := c.decl(fn); decl != nil && decl.Body != nil {
			c.reportSets(decl.Type, decl.Body, reported)
		}
		return
	}
	if pass.ImportObjectFact(fn, new(returnsDeadline)) && !reported[at.Pos()] {
		reported[at.Pos()] = true
		suppress.Report(pass, analysis.Diagnostic{
			Pos: hook.Pos(), End: hook.End(),
			Message: fmt.Sprintf(message, fn.Pkg().Name()+"."+fn.Name()),
		})
	}
}

// checkDialerMethod reports d.Dial / d.DialContext method values of a
// net.Dialer whose literal sets Deadline.
func (c *checker) checkDialerMethod(sel *ast.SelectorExpr, reported map[token.Pos]bool) bool {
	fn, ok := funcObj(c.pass.TypesInfo, sel).(*types.Func)
	if !ok || !match.IsMethod(fn, "net", "Dialer", "Dial", "DialContext") {
		return false
	}
	c.dialerDeadlineAssigns(sel.X, reported)
	lit := c.dialerLiteral(sel.X)
	if lit == nil {
		return true
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Deadline" && !reported[kv.Pos()] {
			reported[kv.Pos()] = true
			suppress.Reportf(c.pass, kv, "net.Dialer.Deadline is absolute: computed once, every dial of this http.Transport dial hook after it fails; use net.Dialer.Timeout")
		}
	}
	return true
}

// dialerLiteral returns the net.Dialer composite literal that e is or
// that the local variable e was declared with.
func (c *checker) dialerLiteral(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		return lit
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg {
		return nil
	}
	for _, f := range c.pass.Files {
		if f.Pos() > v.Pos() || v.Pos() >= f.End() {
			continue
		}
		var found *ast.CompositeLit
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			var lhs []*ast.Ident
			var rhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				if n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
					return true
				}
				for _, l := range n.Lhs {
					id, _ := l.(*ast.Ident)
					lhs = append(lhs, id)
				}
				rhs = n.Rhs
			case *ast.ValueSpec:
				if len(n.Names) != len(n.Values) {
					return true
				}
				lhs, rhs = n.Names, n.Values
			default:
				return true
			}
			for i, l := range lhs {
				if l != nil && l.Pos() == v.Pos() {
					r := ast.Unparen(rhs[i])
					if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
						r = ast.Unparen(u.X)
					}
					found, _ = r.(*ast.CompositeLit)
				}
			}
			return true
		})
		return found
	}
	return nil
}

func (c *checker) decl(fn *types.Func) *ast.FuncDecl {
	if d, ok := c.decls[fn]; ok {
		return d
	}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && c.pass.TypesInfo.Defs[fd.Name] == fn {
				c.decls[fn] = fd
				return fd
			}
		}
	}
	c.decls[fn] = nil
	return nil
}

// funcObj returns the object an identifier or a selector denotes.
func funcObj(info *types.Info, e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.ObjectOf(e)
	case *ast.SelectorExpr:
		return info.Uses[e.Sel]
	}
	return nil
}

// dialerDeadlineAssigns reports d.Deadline = … assignments to the local
// net.Dialer variable e of this package.
func (c *checker) dialerDeadlineAssigns(e ast.Expr, reported map[token.Pos]bool) {
	info := c.pass.TypesInfo
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pkg() != c.pass.Pkg {
		return
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for _, l := range as.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Deadline" || match.ObjectOf(info, sel.X) != v || reported[as.Pos()] {
					continue
				}
				if field, ok := info.Uses[sel.Sel].(*types.Var); ok && field.IsField() && field.Pkg() != nil && field.Pkg().Path() == "net" {
					reported[as.Pos()] = true
					suppress.Reportf(c.pass, as, "net.Dialer.Deadline is absolute: computed once, every dial of this http.Transport dial hook after it fails; use net.Dialer.Timeout")
				}
			}
			return true
		})
	}
}
