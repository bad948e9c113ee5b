package analyzers_test

// An in-process driver for the fuzz target and the pathological-input
// benchmarks: it type-checks one package of source against standard
// library packages loaded once per test binary, and runs the whole suite
// over it, with the facts of those packages computed once by the checker
// and kept in memory.

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"runtime"
	"slices"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/httpvet/httpvet/analyzers"
)

// stdImports are the packages the input may import: every standard
// package the testdata imports, those the fixes add, and a few more that
// code using net/http often imports. Their dependencies may be imported
// too. Any other import fails (softly: the input is then ill-typed).
var stdImports = []string{
	"bufio", "bytes", "context", "crypto/tls", "encoding/json", "encoding/xml",
	"errors", "flag", "fmt", "io", "io/ioutil", "log", "log/slog", "net",
	"net/http", "net/http/cookiejar", "net/http/httptest", "net/http/httptrace",
	"net/http/httputil", "net/url", "os", "os/signal", "runtime", "strconv",
	"strings", "sync", "sync/atomic", "syscall", "testing", "time",
}

// world is the standard library the inputs are checked against, with the
// facts every analyzer of the suite exported on it.
type world struct {
	files []*token.File // of the loaded packages, shared by every input's FileSet
	pkgs  map[string]*types.Package
	sizes types.Sizes

	objectFacts  map[*analysis.Analyzer]map[objectFactKey]analysis.Fact
	packageFacts map[*analysis.Analyzer]map[packageFactKey]analysis.Fact
}

type objectFactKey struct {
	obj types.Object
	t   reflect.Type
}

type packageFactKey struct {
	pkg *types.Package
	t   reflect.Type
}

var (
	worldOnce sync.Once
	theWorld  *world
	worldErr  error
)

// loadWorld loads the standard packages with syntax and runs the suite
// over them with the checker, once per test binary, keeping the facts.
func loadWorld(tb testing.TB) *world {
	tb.Helper()
	worldOnce.Do(func() { theWorld, worldErr = newWorld() })
	if worldErr != nil {
		tb.Fatal(worldErr)
	}
	return theWorld
}

func newWorld() (*world, error) {
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax}, stdImports...)
	if err != nil {
		return nil, err
	}
	if packages.PrintErrors(pkgs) > 0 {
		return nil, fmt.Errorf("the standard packages have errors")
	}
	graph, err := checker.Analyze(analyzers.Suite, pkgs, &checker.Options{Sequential: true})
	if err != nil {
		return nil, err
	}
	w := &world{
		pkgs:         make(map[string]*types.Package),
		sizes:        types.SizesFor("gc", runtime.GOARCH),
		objectFacts:  make(map[*analysis.Analyzer]map[objectFactKey]analysis.Fact),
		packageFacts: make(map[*analysis.Analyzer]map[packageFactKey]analysis.Fact),
	}
	for act := range graph.All() {
		if act.Err != nil {
			return nil, fmt.Errorf("%s: %v", act, act.Err)
		}
		a := act.Analyzer
		if w.objectFacts[a] == nil {
			w.objectFacts[a] = make(map[objectFactKey]analysis.Fact)
			w.packageFacts[a] = make(map[packageFactKey]analysis.Fact)
		}
		for _, f := range act.AllObjectFacts() {
			w.objectFacts[a][objectFactKey{f.Object, reflect.TypeOf(f.Fact)}] = f.Fact
		}
		for _, f := range act.AllPackageFacts() {
			w.packageFacts[a][packageFactKey{f.Package, reflect.TypeOf(f.Fact)}] = f.Fact
		}
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) { w.pkgs[p.PkgPath] = p.Types })
	pkgs[0].Fset.Iterate(func(f *token.File) bool {
		w.files = append(w.files, f)
		return true
	})
	return w, nil
}

// A source is one file of the package under analysis.
type source struct {
	name string
	text []byte
}

// A checked package is the input parsed and type-checked.
type checked struct {
	fset       *token.FileSet
	files      []*ast.File
	pkg        *types.Package
	info       *types.Info
	typeErrors []types.Error
}

// check parses and type-checks srcs as the package path. It fails only if
// a file does not parse; type errors are returned in the package.
func (w *world) check(path string, srcs []source) (*checked, error) {
	fset := token.NewFileSet()
	fset.AddExistingFiles(w.files...)
	c := &checked{fset: fset}
	for _, s := range srcs {
		f, err := parser.ParseFile(fset, s.name, s.text, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		c.files = append(c.files, f)
	}
	c.info = &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if p := w.pkgs[path]; p != nil {
				return p, nil
			}
			return nil, fmt.Errorf("package %q is not loaded", path)
		}),
		Sizes: w.sizes,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				c.typeErrors = append(c.typeErrors, te)
			}
		},
	}
	c.pkg, _ = conf.Check(path, fset, c.files, c.info)
	return c, nil
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// A finding is a diagnostic and the analyzer that reported it.
type finding struct {
	analyzer *analysis.Analyzer
	diag     analysis.Diagnostic
}

// analyze runs the suite, and the analyzers it requires, over c, as a
// driver does: results passed to the analyzers that require them, facts
// of the standard library imported, facts of the package kept in memory.
// It returns the findings and the problems a driver would fail on: an
// analyzer error, a wrong result type, a fact on another package's
// object, a diagnostic or fix out of the file.
func (w *world) analyze(c *checked) ([]finding, []error) {
	var (
		order    []*analysis.Analyzer
		seen     = make(map[*analysis.Analyzer]bool)
		visit    func(a *analysis.Analyzer)
		findings []finding
		problems []error
		results  = make(map[*analysis.Analyzer]any)
	)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		order = append(order, a)
	}
	for _, a := range analyzers.Suite {
		visit(a)
	}
	for _, a := range order {
		objFacts := make(map[objectFactKey]analysis.Fact)
		pkgFacts := make(map[packageFactKey]analysis.Fact)
		inputs := make(map[*analysis.Analyzer]any)
		for _, r := range a.Requires {
			inputs[r] = results[r]
		}
		var pass *analysis.Pass
		pass = &analysis.Pass{
			Analyzer:   a,
			Fset:       c.fset,
			Files:      c.files,
			Pkg:        c.pkg,
			TypesInfo:  c.info,
			TypesSizes: w.sizes,
			TypeErrors: c.typeErrors,
			Module:     &analysis.Module{},
			ResultOf:   inputs,
			Report: func(d analysis.Diagnostic) {
				if err := c.validate(d); err != nil {
					problems = append(problems, fmt.Errorf("%s: %v", a.Name, err))
				}
				findings = append(findings, finding{a, d})
			},
			ReadFile: func(string) ([]byte, error) { return nil, fmt.Errorf("ReadFile is not supported here") },
			ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
				key := objectFactKey{obj, reflect.TypeOf(ptr)}
				v, ok := objFacts[key]
				if !ok {
					v, ok = w.objectFacts[a][key]
				}
				if ok {
					reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
				}
				return ok
			},
			ImportPackageFact: func(pkg *types.Package, ptr analysis.Fact) bool {
				key := packageFactKey{pkg, reflect.TypeOf(ptr)}
				v, ok := pkgFacts[key]
				if !ok {
					v, ok = w.packageFacts[a][key]
				}
				if ok {
					reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(v).Elem())
				}
				return ok
			},
			ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
				if obj.Pkg() != c.pkg {
					problems = append(problems, fmt.Errorf("%s: fact %T on %v, an object of another package", a.Name, fact, obj))
					return
				}
				objFacts[objectFactKey{obj, reflect.TypeOf(fact)}] = fact
			},
			ExportPackageFact: func(fact analysis.Fact) {
				pkgFacts[packageFactKey{c.pkg, reflect.TypeOf(fact)}] = fact
			},
			AllObjectFacts: func() []analysis.ObjectFact {
				var all []analysis.ObjectFact
				for _, m := range []map[objectFactKey]analysis.Fact{w.objectFacts[a], objFacts} {
					for k, f := range m {
						all = append(all, analysis.ObjectFact{Object: k.obj, Fact: f})
					}
				}
				return all
			},
			AllPackageFacts: func() []analysis.PackageFact {
				var all []analysis.PackageFact
				for _, m := range []map[packageFactKey]analysis.Fact{w.packageFacts[a], pkgFacts} {
					for k, f := range m {
						all = append(all, analysis.PackageFact{Package: k.pkg, Fact: f})
					}
				}
				return all
			},
		}
		result, err := a.Run(pass)
		if err != nil {
			problems = append(problems, fmt.Errorf("%s: analyzer error: %v", a.Name, err))
			return findings, problems // what requires it cannot run
		}
		if got := reflect.TypeOf(result); got != a.ResultType {
			problems = append(problems, fmt.Errorf("%s: result of type %v, want %v", a.Name, got, a.ResultType))
		}
		results[a] = result
	}
	return findings, problems
}

// validate checks what a driver checks of a diagnostic (its position and
// its fixes' edits in a file of the package, edits of one fix not
// overlapping, fix messages distinct), and that the diagnostic has a
// message.
func (c *checked) validate(d analysis.Diagnostic) error {
	if d.Message == "" {
		return fmt.Errorf("diagnostic without a message")
	}
	if err := c.inFiles(d.Pos, d.End); err != nil {
		return fmt.Errorf("diagnostic %q: %v", d.Message, err)
	}
	messages := make(map[string]bool)
	for _, fix := range d.SuggestedFixes {
		if messages[fix.Message] {
			return fmt.Errorf("diagnostic %q: two fixes named %q", d.Message, fix.Message)
		}
		messages[fix.Message] = true
		if _, _, err := c.resolve(fix); err != nil {
			return fmt.Errorf("diagnostic %q: fix %q: %v", d.Message, fix.Message, err)
		}
	}
	return nil
}

// inFiles checks that pos, and end when valid, lie in one file of the
// package, pos before end.
func (c *checked) inFiles(pos, end token.Pos) error {
	tf := c.tokenFile(pos)
	if tf == nil {
		return fmt.Errorf("position %d is in no file of the package", pos)
	}
	if end.IsValid() && (end < pos || end > token.Pos(tf.Base()+tf.Size())) {
		return fmt.Errorf("end %d is not in [%d, %d]", end, pos, tf.Base()+tf.Size())
	}
	return nil
}

// tokenFile returns the file of the package that holds pos, or nil.
func (c *checked) tokenFile(pos token.Pos) *token.File {
	if !pos.IsValid() {
		return nil
	}
	for _, f := range c.files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return c.fset.File(f.FileStart)
		}
	}
	return nil
}

// An edit is a TextEdit resolved to offsets in one file.
type edit struct {
	start, end int
	text       string
}

// resolve returns the edits of fix as offsets, sorted, and the file they
// change, checking that they are all in one file of the package and that
// no two of them overlap (two insertions at one point may).
func (c *checked) resolve(fix analysis.SuggestedFix) ([]edit, *token.File, error) {
	var tf *token.File
	var edits []edit
	for _, te := range fix.TextEdits {
		end := cmp.Or(te.End, te.Pos)
		if err := c.inFiles(te.Pos, end); err != nil {
			return nil, nil, err
		}
		f := c.tokenFile(te.Pos)
		if tf != nil && f != tf {
			return nil, nil, fmt.Errorf("edits in two files, %s and %s", tf.Name(), f.Name())
		}
		tf = f
		edits = append(edits, edit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)})
	}
	if tf == nil {
		return nil, nil, fmt.Errorf("no edits")
	}
	sortEdits(edits)
	for i := 1; i < len(edits); i++ {
		if edits[i].start < edits[i-1].end {
			return nil, nil, fmt.Errorf("edits overlap: [%d,%d) and [%d,%d)", edits[i-1].start, edits[i-1].end, edits[i].start, edits[i].end)
		}
	}
	return edits, tf, nil
}

// apply returns text with the sorted, non-overlapping edits applied.
func apply(text []byte, edits []edit) []byte {
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		buf.Write(text[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(text[last:])
	return buf.Bytes()
}

// sortEdits sorts edits by offset.
func sortEdits(edits []edit) {
	slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
}
