// Package engine is the analysis every httpvet analyzer requires instead
// of inspect.Analyzer: it finds where a package touches net/http (or any
// other set of packages) without walking its syntax, and answers control
// flow and syntax questions about just those functions, once for all
// analyzers.
//
// # What it indexes
//
// Nothing up front but the no-return facts (below). The rest is built on
// demand and cached in the [Index], shared by every analyzer of the pass
// (it is safe for concurrent use):
//
//   - [Index.Reaches] tells whether the package is, or imports directly or
//     not, a given package: when it does not, no value of that package's
//     types can appear in it, and an analyzer stops at once. For net it
//     reads the NetPackage facts of the direct imports (no walk of the
//     import graph); a package that does not reach net does not reach
//     net/http either.
//   - [Index.Touching] lists the functions whose bodies touch a set of
//     packages: the function declarations and the function literals within
//     them (or within package-level declarations) that contain an
//     identifier, used or defined, whose object belongs to one of the
//     packages or whose type mentions one of their named types
//     (*http.Response, func(*http.Request), []*http.Cookie…). It reads
//     pass.TypesInfo.Uses and Defs only, which the type checker has
//     already built: no file is walked. [Index.TouchingObjects] does the
//     same for any predicate on objects (a function carrying a fact).
//     [Index.Inits] lists the package-level declarations that touch them.
//     [Index.Decls] lists the whole top-level declarations, functions and
//     package-level ones, holding an identifier that matches a predicate,
//     for an analyzer that walks its syntax itself (timeouts).
//   - [Func.CFG] is the control-flow graph (golang.org/x/tools/go/cfg) of
//     one function, built the first time any analyzer asks for it, with
//     predecessors and a node-to-block index for backward walks. A call
//     ends a path when [Index.NoReturn] says so: the one meaning of "never
//     returns" for every analyzer.
//   - [Index.Path] is the path from a node up to the root of its top-level
//     declaration, innermost first, like astutil.PathEnclosingInterval but
//     over one declaration only; [Index.Enclosing] is the innermost
//     function around a position.
//
// # What it promises
//
//   - A function that uses an object of a package, or an identifier whose
//     type mentions one of its named types, is listed by Touching for that
//     package. Values that reach a function without any identifier of such
//     a type (an expression like f().Body whose only identifiers are f, of
//     a signature that mentions it, and Body, a field of it, are still
//     found) cannot exist in Go's syntax, with one exception: a named type
//     declared outside the packages is not looked through, so a call of a
//     value of `type getFunc func() (*http.Response, error)` whose result
//     is never named touches nothing. An analyzer that must see those
//     (bodyclose does) adds them with [Index.TouchingObjects].
//   - The no-return fact (noReturn) is exported, in every package that
//     reaches net (below), for the functions and methods whose body has
//     no reachable return because it
//     calls one that never returns: panic, os.Exit, log.Fatal*, log.Panic*,
//     runtime.Goexit, syscall.Exit, the testing methods FailNow, Fatal*,
//     SkipNow, Skip* (on *testing.T, B, F, common and testing.TB), or a
//     function that carries the fact, in this package or another. Of a
//     package that carries no facts because it reaches no net (a logging
//     library), nothing but the signature can be known: a function or
//     method named Fatal…, Exit…, Panic, Panicf or Panicln with no
//     results is taken not to return, as its standard library namesakes
//     do (a wrong guess only ends a path early: analyzers report less). Like ctrlflow's, it
//     crosses packages; unlike ctrlflow, it builds a graph only for a
//     function that calls such a function and whose syntax shows no sure
//     way to return (most show one), so a function that never returns
//     only because it loops forever is not marked. Under go vet,
//     httpvet does not analyze a dependency that cannot reach package net
//     at all (see [NetPackage]); every driver does the same for this fact,
//     so a package's own Fatal that imports no net is not known unless it
//     is one of those named here, and the findings do not depend on the
//     driver.
//   - The NetPackage fact is exported on every package that is net or
//     imports it, directly or not.
//   - The callsRepeatedly fact is exported, in every package that reaches
//     net, for the functions that may call a function parameter more than
//     once (a retry or polling helper): [Index.CallsRepeatedly].
//   - [Index.ArgsAt] gives the argument every call passes for a parameter
//     of a function only its package can call (unexported, no interface
//     of the package with its method name, never used as a value): the
//     values a parameter can hold, read at its callers.
//   - [Index.OncePerRun] and [Index.CallsStream] say how often a function
//     runs, as far as the package shows: once per run of a program (main,
//     and what only main-like code calls outside loops), or in a stream
//     (it serves requests, a loop calls it, a retry helper is handed it).
//     Where the callers are out of view, neither holds: the rules that need
//     one stay silent.
//   - CFGs end a path at those calls, and only those.
//   - Beyond the statements of each function, walked once for the
//     no-return facts in a package that reaches net, nothing here walks a
//     function the analyzers did not ask about (Touching in the package
//     that is the path itself lists them all: there, they all touch it).
//
// # Budgets
//
// A path search from one point of a function visits each graph node at
// most once per state it can be in there, so each search is linear in the
// function's size; but an analyzer searches from each request, response
// or context of the function, and a function of n statements can hold a
// number of those proportional to n: n searches of up to n nodes each.
// The searches that do that share a [Budget] per analyzer and function:
// 2^20 steps (a node or block visited), all searches of the function
// together. Past it, each search gives up and the analyzer says nothing
// it would need the search for: no finding, no fix, no fact that would
// make a caller report. A function needs that many steps only when it is
// thousands of statements long (BenchmarkPathological in package
// analyzers: 10,000 statements); the budget bounds the cost of one
// function by a constant, whatever its size.
//
// # Why not go/ssa
//
// SSA (x/tools buildssa, as staticcheck's IR) would give phis, field
// stores, closures' free variables and call edges for free, where the
// engine answers those questions from syntax ([Index.ArgsAt],
// [Index.FieldStores], [Graph.Backward]). It costs too much for a suite
// that must stay near go vet's own floor: buildssa builds every function
// of every package go vet runs the suite on (facts make that every
// dependency), where the engine builds a graph only for the functions
// that touch net/http. BenchmarkSSA, over net/http and its dependencies
// (2 cores, 2026-12-07, 3 runs each, on a loaded machine): the engine's
// Touching plus a graph for each function it lists takes 34–70 ms and
// allocates 4.5 MB; buildssa takes 4.3–7.0 s and allocates 685 MB (about
// 100 times the time, 150 times the memory). The syntax-based summaries
// stay; each is written once here and shared by the analyzers.
//
// Budgeted: bodyclose's forward search from each response (and from each
// parameter, for its facts), reqctx's backward search for contexts that
// may be done before a request, and retrybody's forward search from each
// send for a re-send (it walks every path, to see what sets the body
// between). Those grow with the square of the function's size on the
// pathological inputs; the other path searches (deadlineconn's, getbody's
// reaching definitions, nilbody and retrybody over [Graph.Backward]) start
// from rarer points (a dial hook, a GET with a body, a RoundTrip's return,
// a send) and each visits a block once. Per-step questions a search asks
// again and again (is this parameter ever nil at the callers) are answered
// once per function and cached.
package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/match"
)

// Analyzer computes the [Index] of a package and exports the noReturn
// facts. Every httpvet analyzer requires it.
var Analyzer = &analysis.Analyzer{
	Name:             "httpvetengine",
	Doc:              "index where a package touches net/http and build control flow on demand, for httpvet analyzers",
	URL:              "https://github.com/httpvet/httpvet/tree/main/internal/engine",
	Run:              run,
	ResultType:       reflect.TypeFor[*Index](),
	FactTypes:        []analysis.Fact{new(noReturn), new(NetPackage), new(callsRepeatedly)},
	RunDespiteErrors: true,
}

// Index is the result of [Analyzer]: what the package touches, and the
// functions, graphs and paths analyzers ask about. Its methods are safe
// for concurrent use by the analyzers of one pass.
type Index struct {
	fset     *token.FileSet
	info     *types.Info
	pkg      *types.Package
	files    []*ast.File   // sorted by position
	declEnds [][]token.Pos // by file: the End of each declaration, in order (locate)

	noReturn map[*types.Func]bool // functions of any package known not to return

	mu         sync.Mutex
	reachesNet bool
	reaches    map[string]*types.Package // by path: the package reached, or nil
	funcs      map[ast.Node]*Func        // by *ast.FuncDecl or *ast.FuncLit
	lits       map[ast.Decl][]*Func      // function literals of a top-level declaration, in order
	touch      map[string]*touchEntry    // by query key
	scans      int                       // scans of Uses and Defs, for tests

	testOnce sync.Once
	test     testCode

	repeats     map[*types.Func][]int        // function parameters a function calls repeatedly (callsRepeatedly)
	funcUses    map[*types.Func][]*ast.Ident // by function of the package: its uses (ArgNeverNil)
	argNeverNil map[argKey]bool

	fieldOwner   map[*types.Var]*types.Struct // fields of top-level struct types (FieldStores)
	privateField map[*types.Var]bool          // those of unexported types
	unkeyed      map[*types.Struct][]*ast.CompositeLit
	fieldStores  map[*types.Var]fieldStoresEntry
}

type touchEntry struct {
	funcs []*Func
	inits []ast.Decl
}

func run(pass *analysis.Pass) (any, error) {
	files := append([]*ast.File(nil), pass.Files...)
	sort.Slice(files, func(i, j int) bool { return files[i].FileStart < files[j].FileStart })
	idx := &Index{
		fset:       pass.Fset,
		info:       pass.TypesInfo,
		pkg:        pass.Pkg,
		reachesNet: importsNet(pass),
		files:      files,
		noReturn:   make(map[*types.Func]bool),
		reaches:    make(map[string]*types.Package, 2),
		funcs:      make(map[ast.Node]*Func),
		lits:       make(map[ast.Decl][]*Func),
		touch:      make(map[string]*touchEntry),

		argNeverNil: make(map[argKey]bool),
		repeats:     make(map[*types.Func][]int),
	}
	if idx.reachesNet {
		idx.computeNoReturn(pass)
		idx.computeRepeats(pass)
		pass.ExportPackageFact(new(NetPackage))
	}
	return idx, nil
}

// NetPackage is the fact on a package that is net or imports it, directly
// or not: the only packages where an httpvet analyzer can find anything,
// or export a fact of its own. Its use is outside the analysis: under go
// vet, a dependency none of whose imports carries a fact (an empty facts
// file) and that does not import net itself cannot reach net, and the
// vet tool skips it without type-checking it (see cmd/httpvet).
type NetPackage struct{}

func (*NetPackage) AFact() {}

func (*NetPackage) String() string { return "netPackage" }

// Pkg returns the package the index describes.
func (idx *Index) Pkg() *types.Package { return idx.pkg }

// Reaches reports whether the package is path or imports it, directly or
// through other packages: only then can a value of one of its types
// appear in the package.
func (idx *Index) Reaches(path string) bool {
	switch {
	case path == "net":
		return idx.reachesNet
	case path == match.NetHTTP && !idx.reachesNet:
		return false // net/http imports net
	}
	return idx.reachedPkg(path) != nil
}

// reachedPkg returns the package path if the package is it or imports it,
// directly or not, or nil.
func (idx *Index) reachedPkg(path string) *types.Package {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if p, ok := idx.reaches[path]; ok {
		return p
	}
	seen := make(map[*types.Package]bool)
	var visit func(p *types.Package) *types.Package
	visit = func(p *types.Package) *types.Package {
		if p == nil || seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			return p
		}
		for _, imp := range p.Imports() {
			if found := visit(imp); found != nil {
				return found
			}
		}
		return nil
	}
	found := visit(idx.pkg)
	idx.reaches[path] = found
	return found
}

// importsNet reports whether the package is net or one of its imports
// carries the NetPackage fact: whether it reaches net, without a walk of
// the import graph (most packages under a module do not).
func importsNet(pass *analysis.Pass) bool {
	if pass.Pkg.Path() == "net" {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == "net" || pass.ImportPackageFact(imp, new(NetPackage)) {
			return true
		}
	}
	return false
}

// file returns the file that contains pos, or nil.
func (idx *Index) file(pos token.Pos) *ast.File {
	if i := idx.fileIndex(pos); i >= 0 {
		return idx.files[i]
	}
	return nil
}

func (idx *Index) fileIndex(pos token.Pos) int {
	i := sort.Search(len(idx.files), func(i int) bool { return idx.files[i].FileEnd >= pos })
	if i < len(idx.files) && idx.files[i].FileStart <= pos {
		return i
	}
	return -1
}

// locate returns the file and the top-level declaration that contain
// pos, or nils. It searches the declarations' end positions, kept per
// file, rather than asking each declaration for its end: the scans ask
// once per matching identifier. idx.mu is held.
func (idx *Index) locate(pos token.Pos) (*ast.File, ast.Decl) {
	if idx.declEnds == nil {
		idx.declEnds = make([][]token.Pos, len(idx.files))
		for i, f := range idx.files {
			ends := make([]token.Pos, len(f.Decls))
			for j, d := range f.Decls {
				ends[j] = d.End()
			}
			idx.declEnds[i] = ends
		}
	}
	fi := idx.fileIndex(pos)
	if fi < 0 {
		return nil, nil
	}
	f, ends := idx.files[fi], idx.declEnds[fi]
	i, _ := slices.BinarySearch(ends, pos+1) // the first declaration ending after pos
	if i < len(f.Decls) && f.Decls[i].Pos() <= pos {
		return f, f.Decls[i]
	}
	return f, nil
}

// decl returns the top-level declaration of f that contains pos, or nil.
func decl(f *ast.File, pos token.Pos) ast.Decl {
	i := sort.Search(len(f.Decls), func(i int) bool { return f.Decls[i].End() > pos })
	if i < len(f.Decls) && f.Decls[i].Pos() <= pos {
		return f.Decls[i]
	}
	return nil
}
