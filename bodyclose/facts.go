package bodyclose

// Facts about functions, exported for the packages that call them: what
// a function does with a response or body it is given (paramsFact:
// closes, borrows, reads, keeps, reads to EOF) and whether a response it
// returns is closed already (closedResult), from its own paths. The
// Transport fact, freshTransport, is with the pool rules in reuse.go.

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// A paramsFact describes what a function does with its parameters that
// hold a response (*http.Response) or a body (io.ReadCloser, io.Closer,
// io.Reader). Indices count the parameters, receiver excluded.
//   - Closes: on every path the function closes the body (or hands it
//     on): its caller owes nothing.
//   - Borrows: on no path does it close the body or let it escape: its
//     caller still owes the Close.
//   - Reads: it reads the body on some path.
//   - Keeps: it stores the body, or a reader over it, in the value it
//     returns (a constructor of a streaming response): the obligation goes
//     with that value.
//   - EOF: on every path that returns, it read the body to EOF or to a
//     read error (io.ReadAll): the connection is released already.
type paramsFact struct {
	Closes  []int
	Borrows []int
	Reads   []int
	Keeps   []int
	EOF     []int
}

func (*paramsFact) AFact() {}

func (f *paramsFact) String() string {
	s := "params("
	sep := ""
	for _, part := range []struct {
		name string
		idx  []int
	}{{"closes", f.Closes}, {"borrows", f.Borrows}, {"keeps", f.Keeps}, {"reads", f.Reads}, {"eof", f.EOF}} {
		if len(part.idx) == 0 {
			continue
		}
		s += sep + part.name + "="
		for i, x := range part.idx {
			if i > 0 {
				s += ","
			}
			s += fmt.Sprintf("#%d", x)
		}
		sep = " "
	}
	return s + ")"
}

func has(list []int, i int) bool {
	for _, x := range list {
		if x == i {
			return true
		}
	}
	return false
}

// closedResult is the fact on a function that returns a response whose
// body it closed, replaced, or built itself: its callers owe nothing.
type closedResult struct{}

func (*closedResult) AFact() {}

func (*closedResult) String() string { return "closedResult" }

// exportFacts computes and exports the facts of the package's functions.
func (c *checker) exportFacts() {
	// Interface methods declared here whose implementations all return
	// closed responses.
	scope := c.pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || c.inTestFile(tn.Pos()) {
			continue
		}
		it, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := 0; i < it.NumExplicitMethods(); i++ {
			m := it.ExplicitMethod(i)
			if returnsResponse(m) && c.returnsClosed(m) {
				c.pass.ExportObjectFact(m, new(closedResult))
			}
		}
	}
	for _, fn := range c.order {
		if c.returnsClosed(fn) {
			c.pass.ExportObjectFact(fn, new(closedResult))
		}
		if f := c.paramsOf(fn); f != nil {
			c.pass.ExportObjectFact(fn, f)
		}
		if f := c.freshOf(fn); f != nil {
			c.pass.ExportObjectFact(fn, f)
		}
	}
}

// paramKind tells whether a parameter of type t holds a response (1),
// a body (2), or neither (0).
func (c *checker) paramKind(t types.Type) int {
	if match.IsResponse(t) {
		return 1
	}
	if !c.bodyKinds {
		return 0
	}
	if match.IsNamed(t, "io", "ReadCloser", "Closer", "Reader") {
		return 2
	}
	return 0
}

// paramsOf returns the parameters fact of fn, from this package or
// another, or nil.
func (c *checker) paramsOf(fn *types.Func) *paramsFact {
	if fn.Pkg() != c.pass.Pkg {
		var f paramsFact
		if c.pass.ImportObjectFact(fn, &f) {
			return &f
		}
		return nil
	}
	if f, ok := c.params[fn]; ok {
		return f
	}
	decl := c.decls[fn]
	if decl == nil || c.paramsBusy[fn] {
		return nil // no body, or recursion: unknown
	}
	c.paramsBusy[fn] = true
	f := c.computeParams(decl)
	delete(c.paramsBusy, fn)
	c.params[fn] = f
	return f
}

func (c *checker) computeParams(node ast.Node) *paramsFact {
	var f paramsFact
	idx := 0
	ftype, body := match.Func(node)
	if ftype == nil || body == nil || ftype.Params == nil {
		return nil
	}
	for _, field := range ftype.Params.List {
		names := field.Names
		_, variadic := field.Type.(*ast.Ellipsis)
		if len(names) == 0 {
			// An unnamed parameter cannot be used: borrowed.
			if c.paramKind(c.pass.TypesInfo.TypeOf(field.Type)) != 0 && !variadic {
				f.Borrows = append(f.Borrows, idx)
			}
			idx++
			continue
		}
		for _, name := range names {
			i := idx
			idx++
			v, _ := c.pass.TypesInfo.Defs[name].(*types.Var)
			if v == nil {
				continue
			}
			if name.Name == "_" {
				if c.paramKind(v.Type()) != 0 && !variadic {
					f.Borrows = append(f.Borrows, i)
				}
				continue
			}
			kind := c.paramKind(v.Type())
			if kind == 0 {
				continue
			}
			if variadic {
				continue
			}
			fn := c.function(node)
			tr := fn.track(v, kind == 2)
			s := fn.newSearch(tr)
			g := fn.cfg()
			if len(g.Blocks) == 0 {
				continue
			}
			s.run(g.Blocks[0], 0, state{})
			if s.gaveUp {
				continue // out of budget: no fact, the caller hands the body on
			}
			leaked := s.leak != nil || s.leakEnd
			switch {
			case fn.keeps(tr):
				f.Keeps = append(f.Keeps, i)
			case !leaked && s.anyClose:
				f.Closes = append(f.Closes, i)
			case !s.anyClose && !s.anyTransfer:
				f.Borrows = append(f.Borrows, i)
			}
			if s.anyRead {
				f.Reads = append(f.Reads, i)
			}
			if s.anyRead && s.exits > 0 && !s.exitUnread {
				f.EOF = append(f.EOF, i)
			}
		}
	}
	if len(f.Closes)+len(f.Borrows)+len(f.Reads)+len(f.Keeps) == 0 {
		return nil
	}
	return &f
}

// returnsClosed reports whether fn returns a response whose body it
// closed, replaced or built itself.
func (c *checker) returnsClosed(fn *types.Func) bool {
	if it, ok := interfaceOf(fn); ok {
		return c.implsReturnClosed(fn, it)
	}
	if fn.Pkg() != c.pass.Pkg {
		return c.pass.ImportObjectFact(fn, new(closedResult))
	}
	if r, ok := c.closed[fn]; ok {
		return r
	}
	decl := c.decls[fn]
	if decl == nil || c.closedBusy[fn] {
		return false
	}
	c.closedBusy[fn] = true
	r := c.computeClosed(fn, decl)
	delete(c.closedBusy, fn)
	c.closed[fn] = r
	return r
}

func (c *checker) computeClosed(fn *types.Func, decl *ast.FuncDecl) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	k := -1
	for i := 0; i < sig.Results().Len(); i++ {
		if match.IsResponse(sig.Results().At(i).Type()) {
			k = i
		}
	}
	if k < 0 {
		return false
	}
	info := c.pass.TypesInfo
	isLit := func(e ast.Expr) bool {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		lit, ok := e.(*ast.CompositeLit)
		return ok && match.IsNamed(info.TypeOf(lit), match.NetHTTP, "Response")
	}
	isClosedCall := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return false
		}
		callee := match.Callee(info, call)
		return callee != nil && callee != fn && c.returnsClosed(callee)
	}
	// A mark: variable v is closed (or replaced) by the statement at pos
	// in the statement list holder.
	type mark struct {
		v      *types.Var
		pos    token.Pos
		holder ast.Node
	}
	var marks []mark
	assignsAt := make(map[*types.Var][]token.Pos) // every assignment of a response variable
	type ret struct {
		r       *ast.ReturnStmt
		holders []ast.Node
	}
	var rets []ret
	var holders []ast.Node
	varOf := func(e ast.Expr) *types.Var {
		v, _ := match.ObjectOf(info, e).(*types.Var)
		return v
	}
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if n == nil {
			return false
		}
		holder := holders[len(holders)-1]
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			holders = append(holders, n)
			ast.Inspect(n, func(m ast.Node) bool {
				if m == n {
					return true
				}
				return visit(m)
			})
			holders = holders[:len(holders)-1]
			return false
		case *ast.ReturnStmt:
			rets = append(rets, ret{n, append([]ast.Node(nil), holders...)})
		case *ast.CallExpr:
			// The response or its body handed to a function that may
			// close it (not a known reader, not a borrower).
			for i, a := range n.Args {
				v := varOf(a)
				if v == nil || !match.IsResponse(v.Type()) {
					if sel, ok := ast.Unparen(a).(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
						v = varOf(sel.X)
					}
				}
				if v == nil || !match.IsResponse(v.Type()) || !c.mayClose(n, i) {
					continue
				}
				marks = append(marks, mark{v, n.Pos(), holder})
			}
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" && len(n.Args) == 0 {
				if body, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && body.Sel.Name == "Body" {
					if v := varOf(body.X); v != nil && match.IsResponse(v.Type()) {
						marks = append(marks, mark{v, n.Pos(), holder})
					}
				}
			}
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" {
					if v := varOf(sel.X); v != nil && match.IsResponse(v.Type()) {
						marks = append(marks, mark{v, n.Pos(), holder})
					}
				}
				if v := varOf(l); v != nil && match.IsResponse(v.Type()) {
					assignsAt[v] = append(assignsAt[v], n.Pos())
					switch {
					case len(n.Lhs) == len(n.Rhs) && isLit(n.Rhs[i]):
						marks = append(marks, mark{v, n.Pos(), holder})
					case len(n.Rhs) == 1 && isClosedCall(n.Rhs[0]):
						marks = append(marks, mark{v, n.Pos(), holder})
					}
				}
			}
		}
		return true
	}
	// Blocks taken when an error is not nil: a closed response returned
	// there goes with an error (net/http's CheckRedirect case).
	errBlocks := make(map[ast.Node]bool)
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if ifs, ok := n.(*ast.IfStmt); ok {
			if b, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr); ok && b.Op == token.NEQ && match.IsNil(info, b.Y) {
				if t := info.TypeOf(b.X); t != nil && types.Implements(t, errorType) {
					errBlocks[ifs.Body] = true
				}
			}
		}
		return true
	})
	holders = append(holders, decl.Body)
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if n == decl.Body {
			return true
		}
		return visit(n)
	})
	closedAt := func(v *types.Var, r ret) bool {
		for _, m := range marks {
			if m.v != v || m.pos > r.r.End() {
				continue
			}
			reassigned := false
			for _, a := range assignsAt[v] {
				if a > m.pos && a < r.r.Pos() {
					reassigned = true
				}
			}
			if reassigned {
				continue
			}
			for _, h := range r.holders {
				if h == m.holder {
					return true
				}
			}
		}
		return false
	}
	// Response variables whose every assignment, closures included, is a
	// closed response (resp, err = f.srv.CallJSON(…) inside a retry
	// closure).
	total := make(map[*types.Var]int)
	closedAssigns := make(map[*types.Var]int)
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		for i, l := range as.Lhs {
			v := varOf(l)
			if v == nil || !match.IsResponse(v.Type()) {
				continue
			}
			total[v]++
			switch {
			case len(as.Lhs) == len(as.Rhs) && (isLit(as.Rhs[i]) || isClosedCall(as.Rhs[i])):
				closedAssigns[v]++
			case len(as.Rhs) == 1 && isClosedCall(as.Rhs[0]):
				closedAssigns[v]++
			}
		}
		return true
	})
	alwaysClosed := func(v *types.Var) bool { return total[v] > 0 && total[v] == closedAssigns[v] }
	closedRets, openRets := 0, 0
	for _, r := range rets {
		inErr := false
		for _, h := range r.holders {
			inErr = inErr || errBlocks[h]
		}
		if inErr {
			continue
		}
		var e ast.Expr
		switch {
		case len(r.r.Results) == sig.Results().Len():
			e = r.r.Results[k]
		case len(r.r.Results) == 1:
			if isClosedCall(r.r.Results[0]) {
				closedRets++
			} else {
				openRets++
			}
			continue
		case len(r.r.Results) == 0 && sig.Results().At(k).Name() != "":
			if v := sig.Results().At(k); total[v] == 0 {
				// never assigned: nil
			} else if closedAt(v, r) || alwaysClosed(v) {
				closedRets++
			} else {
				openRets++
			}
			continue
		default:
			openRets++
			continue
		}
		switch v := varOf(e); {
		case match.IsNil(info, e):
		case v != nil && v.Parent() != nil && total[v] == 0 && isResult(sig, v):
			// a named result never assigned: nil
		case isLit(e) || isClosedCall(e):
			closedRets++
		case v != nil && (closedAt(v, r) || alwaysClosed(v)):
			closedRets++
		default:
			openRets++
		}
	}
	// Some path returns a response that needs no Close: callers cannot
	// tell which one they get (a wrapper that buffers error bodies). A
	// function that only ever returns nil responses leaves nothing to close.
	return closedRets > 0 || (openRets == 0 && len(rets) > 0)
}

// isResult reports whether v is one of the named results of sig.
func isResult(sig *types.Signature, v *types.Var) bool {
	for i := 0; i < sig.Results().Len(); i++ {
		if sig.Results().At(i) == v {
			return true
		}
	}
	return false
}

var errorType = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// mayClose reports whether the function call calls may close its
// argument i: it is not a known reader or formatter, nor a function whose
// fact says it borrows that parameter.
func (c *checker) mayClose(call *ast.CallExpr, i int) bool {
	fn := match.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return true // a function value
	}
	if c.knownCallee(fn) != calleeUnknown {
		return false
	}
	f := c.paramsOf(fn)
	return f == nil || !has(f.Borrows, i) || call.Ellipsis.IsValid()
}

// returnsResponse reports whether one of fn's results is a *http.Response.
func returnsResponse(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if match.IsResponse(sig.Results().At(i).Type()) {
			return true
		}
	}
	return false
}

// interfaceOf returns the interface type whose method fn is.
func interfaceOf(fn *types.Func) (*types.Interface, bool) {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return nil, false
	}
	it, ok := types.Unalias(sig.Recv().Type()).Underlying().(*types.Interface)
	return it, ok
}

// implsReturnClosed reports whether the interface method fn has
// implementations in the interface's package or this one, and all of them
// return a response they closed (an SDK interface with its client).
func (c *checker) implsReturnClosed(fn *types.Func, it *types.Interface) bool {
	if r, ok := c.closed[fn]; ok {
		return r
	}
	c.closed[fn] = false // recursion guard
	if fn.Pkg() == nil {
		return false
	}
	found, all := 0, true
	pkgs := []*types.Package{c.pass.Pkg}
	if fn.Pkg() != c.pass.Pkg {
		// The implementations of another package may be unexported, out
		// of reach of export data: that package's fact on the interface
		// method speaks for them.
		if !c.pass.ImportObjectFact(fn, new(closedResult)) {
			return false
		}
		found = 1
	}
	for _, pkg := range pkgs {
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() || c.inTestFile(tn.Pos()) {
				continue // test doubles do not decide
			}
			named, ok := tn.Type().(*types.Named)
			if !ok || types.IsInterface(named) || named.TypeParams().Len() > 0 {
				continue
			}
			var t types.Type = named
			if !types.Implements(t, it) {
				t = types.NewPointer(named)
				if !types.Implements(t, it) {
					continue
				}
			}
			obj, _, _ := types.LookupFieldOrMethod(t, false, fn.Pkg(), fn.Name())
			m, ok := obj.(*types.Func)
			if !ok {
				continue
			}
			found++
			if !c.returnsClosed(m) {
				all = false
			}
		}
	}
	r := found > 0 && all
	c.closed[fn] = r
	return r
}
