package analyzertest

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Packages are packages of testdata/src loaded once per test binary, for
// the tests that run an analyzer on them: Run and RunWithSuggestedFixes
// check their // want comments and golden files, Analyze returns the
// findings for the test to check. Each analysistest.Run loads its
// packages and every dependency (net/http and the standard library under
// it) from source again, which costs several times the analysis; a run
// on loaded packages costs the analysis alone.
//
// The packages are loaded as analysistest.Run loads them (from source, in
// GOPATH mode, with their tests), so an analyzer sees the same code
// either way. Each run makes its own actions, results and facts, so runs
// under different flags on the same packages are independent, as long
// as analyzers keep no state across runs (none does: their caches live
// in the results of a pass).
type Packages struct {
	patterns []string
	once     sync.Once
	pkgs     []*packages.Package
	err      error
}

// Load returns the packages of testdata/src named patterns, which are
// loaded on first use.
func Load(patterns ...string) *Packages { return &Packages{patterns: patterns} }

func (p *Packages) load() ([]*packages.Package, error) {
	p.once.Do(func() {
		dir := analysistest.TestData()
		cfg := &packages.Config{
			Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
				packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo |
				packages.NeedDeps | packages.NeedModule,
			Dir:   dir,
			Tests: true,
			Env:   append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
		}
		p.pkgs, p.err = packages.Load(cfg, p.patterns...)
		for _, pkg := range p.pkgs {
			if p.err == nil && pkg.Name == "" {
				p.err = fmt.Errorf("failed to load %q: %v", pkg.PkgPath, pkg.Errors)
			}
		}
	})
	return p.pkgs, p.err
}

// Analyze runs a on the loaded packages named roots, each with its test
// variants, and returns their actions. Type errors are the roots' own
// (see Action.Package.Errors); an analyzer that fails fails t.
func (p *Packages) Analyze(t testing.TB, a *analysis.Analyzer, roots ...string) []*checker.Action {
	t.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, p.selected(t, roots...), nil)
	if err != nil {
		t.Fatalf("analyzing %s: %v", roots, err)
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s failed on %s: %v", a.Name, act.Package.ID, act.Err)
		}
	}
	return graph.Roots
}

// selected returns the loaded packages roots and their test variants, in
// the order of the roots, each root's in the order loaded.
func (p *Packages) selected(t testing.TB, roots ...string) []*packages.Package {
	t.Helper()
	pkgs, err := p.load()
	if err != nil {
		t.Fatalf("loading %s: %v", p.patterns, err)
	}
	var selected []*packages.Package
	for _, root := range roots {
		if !slices.Contains(p.patterns, root) {
			t.Fatalf("%s is not among the loaded packages %s", root, p.patterns)
		}
		for _, pkg := range pkgs {
			if variantOf(pkg.PkgPath, root) {
				selected = append(selected, pkg)
			}
		}
	}
	return selected
}

// variantOf reports whether path is the package root, its external test
// package or its test main, which a load with tests returns for it.
func variantOf(path, root string) bool {
	rest, ok := strings.CutPrefix(path, root)
	return ok && (rest == "" || rest == "_test" || rest == ".test")
}

// Dependency returns the loaded package path, which the packages of p
// import directly or not (net/http, for one): a test that needs a
// standard package with syntax and types takes it from here rather than
// type-check it from source again. It fails t if no package of p reaches
// path.
func (p *Packages) Dependency(t testing.TB, path string) *packages.Package {
	t.Helper()
	pkgs, err := p.load()
	if err != nil {
		t.Fatalf("loading %s: %v", p.patterns, err)
	}
	var found *packages.Package
	packages.Visit(pkgs, func(pkg *packages.Package) bool { return found == nil }, func(pkg *packages.Package) {
		if found == nil && pkg.PkgPath == path && pkg.ID == path {
			found = pkg
		}
	})
	if found == nil {
		t.Fatalf("no package of %s imports %s", p.patterns, path)
	}
	return found
}
