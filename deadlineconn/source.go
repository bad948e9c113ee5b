package deadlineconn

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

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
	for name, kv := range match.KeyedFields(lit) {
		if name == "DisableKeepAlives" && isTrue(pass, kv.Value) {
			return true
		}
	}
	return false
}

// checkTransportLiteral checks the dial hooks of an http.Transport
// literal, unless it (or the variable it is assigned to) disables
// keep-alives: then no connection is reused.
func (c *checker) checkTransportLiteral(lit *ast.CompositeLit, noKeepAlive map[*types.Var]bool, reported map[token.Pos]bool) {
	if !isTransport(c.pass.TypesInfo.TypeOf(lit)) || literalDisablesKeepAlives(c.pass, lit) {
		return
	}
	if v := c.assignedVar(lit); v != nil && noKeepAlive[v] {
		return
	}
	for name, kv := range match.KeyedFields(lit) {
		if isHookField(name) {
			c.checkHook(kv, kv.Value, reported)
		}
	}
}

// checkHookAssign checks the hooks that as assigns to a Transport's dial
// hook fields (tr.DialContext = …).
func (c *checker) checkHookAssign(as *ast.AssignStmt, noKeepAlive map[*types.Var]bool, reported map[token.Pos]bool) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || !isHookField(sel.Sel.Name) || !isTransport(c.pass.TypesInfo.TypeOf(sel.X)) {
			continue
		}
		if v, ok := match.ObjectOf(c.pass.TypesInfo, sel.X).(*types.Var); ok && noKeepAlive[v] {
			continue
		}
		c.checkHook(as, as.Rhs[i], reported)
	}
}

// disabledKeepAlives returns the variables of Transport type that are
// assigned DisableKeepAlives = true in decls (an assignment names
// net/http's field, so only the declarations touching it can hold one).
func (c *checker) disabledKeepAlives(decls []ast.Decl) map[*types.Var]bool {
	vars := make(map[*types.Var]bool)
	for _, d := range decls {
		ast.Inspect(d, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, lhs := range as.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "DisableKeepAlives" || !isTransport(c.pass.TypesInfo.TypeOf(sel.X)) || !isTrue(c.pass, as.Rhs[i]) {
					continue
				}
				if v, ok := match.ObjectOf(c.pass.TypesInfo, sel.X).(*types.Var); ok {
					vars[v] = true
				}
			}
			return true
		})
	}
	return vars
}

// assignedVar returns the variable a Transport literal (or its address) is
// assigned to or declared with, if any.
func (c *checker) assignedVar(lit *ast.CompositeLit) *types.Var {
	var expr ast.Node = lit
	path := c.idx.PathTo(lit)
	if len(path) < 2 {
		return nil
	}
	p := path[1]
	if u, ok := p.(*ast.UnaryExpr); ok && u.Op == token.AND {
		if len(path) < 3 {
			return nil
		}
		expr, p = u, path[2]
	}
	switch n := p.(type) {
	case *ast.AssignStmt:
		for i, rhs := range n.Rhs {
			if rhs == expr && i < len(n.Lhs) && len(n.Lhs) == len(n.Rhs) {
				v, _ := match.ObjectOf(c.pass.TypesInfo, n.Lhs[i]).(*types.Var)
				return v
			}
		}
	case *ast.ValueSpec:
		for i, rhs := range n.Values {
			if rhs == expr && i < len(n.Names) && len(n.Names) == len(n.Values) {
				v, _ := c.pass.TypesInfo.Defs[n.Names[i]].(*types.Var)
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
		c.reportSets(h, reported)
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
			c.reportSets(decl, reported)
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
	for name, kv := range match.KeyedFields(lit) {
		if name == "Deadline" && !reported[kv.Pos()] {
			reported[kv.Pos()] = true
			suppress.Reportf(c.pass, kv, "net.Dialer.Deadline is absolute: computed once, every dial of this http.Transport dial hook after it fails; use net.Dialer.Timeout")
		}
	}
	return true
}

// dialerLiteral returns the net.Dialer composite literal that e is or
// that the local variable e was declared with.
func (c *checker) dialerLiteral(e ast.Expr) *ast.CompositeLit {
	e = match.Unaddr(e)
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
