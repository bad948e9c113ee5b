package bodyclose

// The checker holds one package's run: the pass, the engine's index, and
// the caches of what it learns on the way (functions and their graphs,
// facts computed here, tracked variables, pools, closures) and of what
// it has reported.

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/strict"
)

type checker struct {
	pass        *analysis.Pass
	idx         *engine.Index
	funcs       map[ast.Node]*function // by *ast.FuncDecl or *ast.FuncLit
	decls       map[*types.Func]*ast.FuncDecl
	order       []*types.Func // decls in source order, for deterministic facts
	params      map[*types.Func]*paramsFact
	closed      map[*types.Func]bool
	tracks      map[*types.Var]*tracked
	reported    map[ast.Node]bool
	bodyKinds   bool // consider io.Closer/io.ReadCloser/io.Reader parameters
	fresh       map[*types.Func]*freshTransport
	storedCache map[*types.Var]pool
	lits        map[*ast.FuncLit]*paramsFact
	closures    map[*types.Var]*ast.FuncLit // see closureOf
	repeats     map[ast.Node]bool           // see runsRepeatedly
	perCall     map[ast.Node]bool           // functions reported by checkPerCallPool
	ifaceNames  map[string]bool             // see interfaceNames

	// The configuration, read once: -drain, -tests, and strict mode,
	// which also reports the leaks that hold nothing (contract findings).
	drain  drainMode
	tests  bool
	strict bool
}

func newChecker(pass *analysis.Pass, idx *engine.Index) *checker {
	c := &checker{
		pass:      pass,
		idx:       idx,
		funcs:     make(map[ast.Node]*function),
		decls:     make(map[*types.Func]*ast.FuncDecl),
		params:    make(map[*types.Func]*paramsFact),
		closed:    make(map[*types.Func]bool),
		tracks:    make(map[*types.Var]*tracked),
		reported:  make(map[ast.Node]bool),
		fresh:     make(map[*types.Func]*freshTransport),
		lits:      make(map[*ast.FuncLit]*paramsFact),
		bodyKinds: match.ImportsOrIs(pass.Pkg, match.NetHTTP),
		drain:     config.drain.effective(),
		tests:     config.tests.On(),
		strict:    strict.On(),
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					c.decls[fn] = fd
					c.order = append(c.order, fn)
				}
			}
		}
	}
	return c
}
