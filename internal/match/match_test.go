package match

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sync"
	"testing"
)

const src = `package p

import (
	"io"
	"net/http"
	h "net/http"
)

type Response = http.Response // an alias must match like the type
type myResp http.Response    // a new named type must not

var (
	resp  *http.Response
	alias *Response
	mine  *myResp
	value http.Response
	slice []*http.Response
	fn    func(*http.Response) error
	req   *h.Request
	rc    io.ReadCloser
)

func calls(c *http.Client, r *http.Request, rt http.RoundTripper) {
	http.Get("x")
	c.Do(r)
	rt.RoundTrip(r)
	_ = http.DefaultClient
	_ = http.NoBody
	gen[*http.Response](nil)
	fn(nil)
	_ = io.Reader(nil)
}

func gen[T any](x T) T { return x }
`

// sourceImporter type-checks imports from source once per test binary:
// net/http and its dependencies are checked for the first test that needs
// them, and the importer keeps them for the rest.
var sourceImporter struct {
	once sync.Once
	fset *token.FileSet
	imp  types.Importer
}

// checkSrc type-checks src, a package p of one file.
func checkSrc(t *testing.T, src string) (*types.Package, *types.Info, *ast.File) {
	t.Helper()
	sourceImporter.once.Do(func() {
		sourceImporter.fset = token.NewFileSet()
		sourceImporter.imp = importer.ForCompiler(sourceImporter.fset, "source", nil)
	})
	f, err := parser.ParseFile(sourceImporter.fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types:     make(map[ast.Expr]types.TypeAndValue),
		Uses:      make(map[*ast.Ident]types.Object),
		Defs:      make(map[*ast.Ident]types.Object),
		Instances: make(map[*ast.Ident]types.Instance),
	}
	conf := types.Config{Importer: sourceImporter.imp}
	pkg, err := conf.Check("p", sourceImporter.fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	return pkg, info, f
}

// checked is src type-checked, once per test binary.
var checked struct {
	once sync.Once
	pkg  *types.Package
	info *types.Info
	file *ast.File
}

func check(t *testing.T) (*types.Package, *types.Info, *ast.File) {
	t.Helper()
	checked.once.Do(func() {
		checked.pkg, checked.info, checked.file = checkSrc(t, src)
	})
	if checked.pkg == nil {
		t.Fatal("src did not type-check")
	}
	return checked.pkg, checked.info, checked.file
}

func TestTypes(t *testing.T) {
	pkg, _, _ := check(t)
	typeOf := func(name string) types.Type { return pkg.Scope().Lookup(name).Type() }
	for name, want := range map[string]bool{
		"resp": true, "alias": true, "mine": false, "value": false, "slice": false, "fn": false, "req": false,
	} {
		if got := IsResponse(typeOf(name)); got != want {
			t.Errorf("IsResponse(%s) = %v, want %v", name, got, want)
		}
	}
	if !IsRequest(typeOf("req")) {
		t.Errorf("IsRequest(req) = false")
	}
	if !IsNamed(typeOf("value"), NetHTTP, "Request", "Response") || IsNamed(typeOf("resp"), NetHTTP, "Response") {
		t.Errorf("IsNamed wrong on value/pointer")
	}
	if !IsNamedOrPointer(typeOf("value"), NetHTTP, "Response") || !IsNamedOrPointer(typeOf("resp"), NetHTTP, "Response") {
		t.Errorf("IsNamedOrPointer wrong")
	}
	if p, n := Named(typeOf("rc")); p != "io" || n != "ReadCloser" {
		t.Errorf("Named(rc) = %q, %q", p, n)
	}
	if p, n := Named(nil); p != "" || n != "" {
		t.Errorf("Named(nil) = %q, %q", p, n)
	}
	if MethodSig(typeOf("rc"), "Read") == nil || MethodSig(typeOf("rc"), "Write") != nil || MethodSig(nil, "Read") != nil {
		t.Errorf("MethodSig wrong")
	}
	if !Imports(pkg, NetHTTP) || Imports(pkg, "fmt") || !ImportsOrIs(pkg, "p") {
		t.Errorf("Imports wrong")
	}
}

func TestCalls(t *testing.T) {
	_, info, f := check(t)
	var calls []*ast.CallExpr
	var sels []ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			calls = append(calls, n)
		case *ast.AssignStmt:
			sels = append(sels, n.Rhs[0])
		}
		return true
	})
	if len(calls) != 6 || len(sels) != 3 {
		t.Fatalf("found %d calls, %d assignments", len(calls), len(sels))
	}
	get, do, rt, gen, fnValue, conv := calls[0], calls[1], calls[2], calls[3], calls[4], calls[5]
	if !IsFunc(Callee(info, get), NetHTTP, "Get", "Head") || IsFunc(Callee(info, do), NetHTTP, "Do") {
		t.Errorf("IsFunc wrong")
	}
	if !IsMethod(Callee(info, do), NetHTTP, "Client", "Do") || IsMethod(Callee(info, get), NetHTTP, "Client", "Get") {
		t.Errorf("IsMethod wrong on Client.Do / http.Get")
	}
	if !IsMethod(Callee(info, rt), NetHTTP, "RoundTripper", "RoundTrip") {
		t.Errorf("IsMethod wrong on an interface method")
	}
	if fn := Callee(info, gen); fn == nil || fn.Name() != "gen" || fn.Origin() != fn {
		t.Errorf("Callee(generic) = %v, want the origin", fn)
	}
	if Callee(info, fnValue) != nil || Callee(info, conv) != nil {
		t.Errorf("Callee of a function value or conversion must be nil")
	}
	// A nil *types.Func in the types.Object interface (Callee's nil)
	// matches nothing, without a crash.
	if IsFunc(Callee(info, fnValue), NetHTTP, "Get") || IsMethod(Callee(info, fnValue), NetHTTP, "Client", "Do") {
		t.Errorf("IsFunc/IsMethod of a nil callee must be false")
	}
	if !IsPackageLevelVar(info, sels[0], NetHTTP, "DefaultClient") || IsPackageLevelVar(info, sels[1], NetHTTP, "DefaultClient") {
		t.Errorf("IsPackageLevelVar wrong")
	}
	if !IsNil(info, conv.Args[0]) || IsNil(info, conv) {
		t.Errorf("IsNil wrong")
	}
}

func TestFunc(t *testing.T) {
	_, _, f := check(t)
	decl := f.Decls[len(f.Decls)-1].(*ast.FuncDecl)
	if ft, body := Func(decl); ft != decl.Type || body != decl.Body {
		t.Errorf("Func of a declaration wrong")
	}
	if ft, body := Func(f); ft != nil || body != nil {
		t.Errorf("Func of a file must be nils")
	}
}
