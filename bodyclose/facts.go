package bodyclose

// Facts about functions, exported for the packages that call them: what
// a function does with a response or body it is given (paramsFact:
// closes, borrows, reads, keeps, reads to EOF) and whether a response it
// returns is closed already (closedResult), from its own paths. The
// Transport fact, freshTransport, is with the pool rules in reuse.go.

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
	"golang.org/x/tools/go/analysis"
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

// closedResult is the fact on a function whose callers owe nothing for
// the response it returns: on some path its body is closed, replaced, or
// built by the function, or the function only returns responses it
// holds, from no send of its own (held.go).
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
	return funcFact(c, fn, c.params, func(decl *ast.FuncDecl) *paramsFact { return c.computeParams(decl) })
}

// factPtr is a fact type: a pointer to F.
type factPtr[F any] interface {
	*F
	analysis.Fact
}

// funcFact returns the fact of fn: imported when fn is of another
// package, computed once from its declaration otherwise (localFact); nil
// when there is none.
func funcFact[F any, PF factPtr[F]](c *checker, fn *types.Func, memo map[*types.Func]PF, compute func(*ast.FuncDecl) PF) PF {
	if fn.Pkg() != c.pass.Pkg {
		f := PF(new(F))
		if c.pass.ImportObjectFact(fn, f) {
			return f
		}
		return nil
	}
	return localFact(c, fn, memo, compute)
}

// localFact returns the fact of fn, a function of the package, that
// compute finds from its declaration, computed once: memo holds it. It is
// the zero fact for a function without a declaration, and while compute
// runs (a recursive call cannot know it).
func localFact[F any](c *checker, fn *types.Func, memo map[*types.Func]F, compute func(*ast.FuncDecl) F) F {
	if f, ok := memo[fn]; ok {
		return f
	}
	var zero F
	decl := c.decls[fn]
	if decl == nil {
		return zero
	}
	memo[fn] = zero // under way
	f := compute(decl)
	memo[fn] = f
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
			if g == nil || len(g.Blocks) == 0 {
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
	return localFact(c, fn, c.closed, func(decl *ast.FuncDecl) bool { return c.computeClosed(fn, decl) })
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
