package nilbody

import (
	_ "embed"
	"flag"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports RoundTrippers that return a response without a Body,
// or a nil response with a nil error.
var Analyzer = &analysis.Analyzer{
	Name:     "nilbody",
	Doc:      docs.Extract(doc, "nilbody"),
	URL:      "https://github.com/httpvet/httpvet/blob/main/docs/nilbody.md",
	Requires: []*analysis.Analyzer{engine.Analyzer, suppress.Analyzer},
	Run:      run,
	Flags:    flags(),
	// Helpers that build a response without a Body, across packages.
	FactTypes: []analysis.Fact{new(bodylessResult)},
	// Runs on code with type errors too (gopls does so): it must not crash.
	RunDespiteErrors: true,
}

// tests is the -nilbody.tests flag, on in strict mode.
var tests = strict.NewBool(false)

func flags() (fs flag.FlagSet) {
	fs.Var(tests, "tests",
		"also check test code (_test.go files, files that import testing or net/http/httptest, test support packages), as contract findings: a test double's missing Body costs nothing outside the test")
	return fs
}

func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	idx := pass.ResultOf[engine.Analyzer].(*engine.Index)
	c := &checker{pass: pass, info: pass.TypesInfo}
	var rts, others []*engine.Func
	for _, fn := range idx.Touching(match.NetHTTP) {
		if isRoundTrip(pass, idx, fn) {
			rts = append(rts, fn)
		} else {
			others = append(others, fn)
		}
	}
	c.exportFacts(others)
	checkTests := tests.On()
	if checkTests {
		strict.MarkTestCode(pass, idx.InTestCode)
	}
	for _, fn := range rts {
		if !checkTests && idx.InTestCode(fn.Pos()) {
			continue
		}
		c.check(fn)
	}
	return nil, nil
}

// bodylessResult is the fact on a function that returns a *http.Response
// without a Body on some path, with a nil error if it has one: a helper
// that builds a RoundTripper's response.
type bodylessResult struct{}

func (*bodylessResult) AFact() {}

func (*bodylessResult) String() string { return "bodylessResult" }

// exportFacts marks the function declarations among fns (RoundTrip
// functions aside) that return a response without a Body, until no new one is found (helpers calling
// helpers).
func (c *checker) exportFacts(fns []*engine.Func) {
	var helpers []*types.Func
	var decls []*engine.Func
	for _, fn := range fns {
		obj := fn.Object()
		if fn.Lit != nil || obj == nil {
			continue
		}
		res := obj.Type().(*types.Signature).Results()
		if res.Len() == 1 && match.IsResponse(res.At(0).Type()) ||
			res.Len() == 2 && match.IsResponse(res.At(0).Type()) && types.Identical(res.At(1).Type(), errorType) {
			helpers = append(helpers, obj)
			decls = append(decls, fn)
		}
	}
	done := make([]bool, len(helpers))
	for changed := true; changed; {
		changed = false
		for i, fn := range decls {
			if done[i] {
				continue
			}
			if srcs, _, _ := c.bodyless(fn); len(srcs) > 0 {
				c.pass.ExportObjectFact(helpers[i], new(bodylessResult))
				done[i], changed = true, true
			}
		}
	}
}

var errorType = types.Universe.Lookup("error").Type()

// isRoundTrip reports whether fn is the RoundTrip method of a type (which
// then implements http.RoundTripper), or a function literal converted to a
// named func type that implements http.RoundTripper.
func isRoundTrip(pass *analysis.Pass, idx *engine.Index, fn *engine.Func) bool {
	sig := fn.Signature()
	if sig == nil || !roundTripSignature(sig) {
		return false
	}
	if fn.Lit == nil {
		d := fn.Decl.(*ast.FuncDecl)
		if d.Body == nil {
			return false
		}
		if d.Recv != nil {
			return d.Name.Name == "RoundTrip"
		}
		// A function converted to a RoundTripper func type somewhere.
		obj := fn.Object()
		for _, id := range idx.Uses(func(o types.Object) bool { return o == obj }) {
			if t := targetType(pass.TypesInfo, idx, id); t != nil && implementsRoundTripper(t, sig) {
				return true
			}
		}
		return false
	}
	t := targetType(pass.TypesInfo, idx, fn.Lit)
	return t != nil && implementsRoundTripper(t, sig)
}

// roundTripSignature reports whether sig is
// func(*http.Request) (*http.Response, error).
func roundTripSignature(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && match.IsRequest(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 2 && match.IsResponse(sig.Results().At(0).Type()) &&
		types.Identical(sig.Results().At(1).Type(), errorType)
}

// implementsRoundTripper reports whether the named type t, or a pointer
// to it, implements net/http.RoundTripper; sig is a RoundTrip signature
// whose request type leads to net/http.
func implementsRoundTripper(t types.Type, sig *types.Signature) bool {
	if _, ok := types.Unalias(t).(*types.Named); !ok {
		return false
	}
	req := types.Unalias(sig.Params().At(0).Type()).(*types.Pointer).Elem()
	named, ok := types.Unalias(req).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	obj, ok := named.Obj().Pkg().Scope().Lookup("RoundTripper").(*types.TypeName)
	if !ok {
		return false
	}
	iface, ok := obj.Type().Underlying().(*types.Interface)
	if !ok {
		return false
	}
	return types.Implements(t, iface) || types.Implements(types.NewPointer(t), iface)
}

// targetType returns the type the function value e (a literal, or a
// function's name) is converted to by its context: a conversion T(e), an
// argument, a struct field or element of a composite literal, an
// assignment, a declaration or a return.
func targetType(info *types.Info, idx *engine.Index, e ast.Expr) types.Type {
	path := idx.PathTo(e)
	if len(path) == 0 {
		return nil
	}
	var child ast.Node = e
	for _, n := range path[1:] {
		if _, ok := n.(*ast.ParenExpr); ok {
			child = n
			continue
		}
		switch p := n.(type) {
		case *ast.CallExpr:
			return calleeArgType(info, p, child)
		case *ast.KeyValueExpr:
			if p.Value != child {
				return nil
			}
			if key, ok := p.Key.(*ast.Ident); ok {
				if v, ok := info.Uses[key].(*types.Var); ok && v.IsField() {
					return v.Type()
				}
			}
			child = p
			continue // a map or slice element: the composite literal decides
		case *ast.CompositeLit:
			return elemType(info.TypeOf(p))
		case *ast.AssignStmt:
			for i, r := range p.Rhs {
				if r == child && len(p.Lhs) == len(p.Rhs) {
					return info.TypeOf(p.Lhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, v := range p.Values {
				if v == child && i < len(p.Names) {
					if obj := info.Defs[p.Names[i]]; obj != nil {
						return obj.Type()
					}
				}
			}
		case *ast.ReturnStmt:
			return resultType(idx, p, child)
		}
		return nil
	}
	return nil
}

// calleeArgType returns the type of the parameter that the argument child
// of the call p is passed to (the element type of a variadic one), the
// type of the conversion p, or nil.
func calleeArgType(info *types.Info, p *ast.CallExpr, child ast.Node) types.Type {
	if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
		return tv.Type
	}
	ft := info.TypeOf(p.Fun)
	if ft == nil {
		return nil
	}
	sig, ok := ft.Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	for i, arg := range p.Args {
		if arg != child {
			continue
		}
		params := sig.Params()
		switch {
		case sig.Variadic() && i >= params.Len()-1:
			if s, ok := params.At(params.Len() - 1).Type().Underlying().(*types.Slice); ok && !p.Ellipsis.IsValid() {
				return s.Elem()
			}
		case i < params.Len():
			return params.At(i).Type()
		}
	}
	return nil
}

// elemType returns the element type of lt, the type of a slice, array or
// map literal, or nil.
func elemType(lt types.Type) types.Type {
	if lt == nil {
		return nil
	}
	switch u := lt.Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		return u.Elem()
	}
	return nil
}

// resultType returns the type of the result that child, a result of the
// return statement p, is returned as, or nil.
func resultType(idx *engine.Index, p *ast.ReturnStmt, child ast.Node) types.Type {
	for i, r := range p.Results {
		if r != child {
			continue
		}
		if fn := idx.Enclosing(p.Pos()); fn != nil {
			if sig := fn.Signature(); sig != nil && sig.Results().Len() == len(p.Results) {
				return sig.Results().At(i).Type()
			}
		}
	}
	return nil
}
