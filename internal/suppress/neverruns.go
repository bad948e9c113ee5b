package suppress

// Code that never runs holds no finding: nothing a program never executes
// can leak, hang or be cancelled, and the fix a maintainer makes there is
// deleting it. In package main every execution starts at main, an init,
// or a test, and nothing outside the package can call its functions, so a
// function nothing reaches from those never runs. Methods count as
// reached (an interface may dispatch to them), and so do functions named
// by a package-level initializer or exported to C or by linkname. In a
// library the exported API is the root, and its callers are out of view:
// only package main is judged.

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// neverRuns returns the declarations of the functions of package main
// that nothing reaches, sorted by position; nil for any other package.
func neverRuns(pass *analysis.Pass) []ast.Decl {
	if pass.Pkg == nil || pass.Pkg.Name() != "main" || pass.TypesInfo == nil {
		return nil
	}
	funcs := make(map[*types.Func]*ast.FuncDecl)
	var decls []ast.Decl // every top-level declaration, by position
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			decls = append(decls, d)
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil {
				continue
			}
			if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				funcs[obj] = fd
			}
		}
	}
	sort.Slice(decls, func(i, j int) bool { return decls[i].Pos() < decls[j].Pos() })
	calls := make(map[*ast.FuncDecl][]*types.Func) // the package's functions each declaration names
	var live []*types.Func
	for id, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || funcs[fn] == nil {
			continue
		}
		from, ok := declAt(decls, id.Pos()).(*ast.FuncDecl)
		if ok && from.Recv == nil && !isRoot(pass, from) {
			calls[from] = append(calls[from], fn)
		} else {
			live = append(live, fn) // from a method, a root or an initializer
		}
	}
	reached := make(map[*types.Func]bool)
	for obj, fd := range funcs {
		if isRoot(pass, fd) {
			live = append(live, obj)
		}
	}
	for len(live) > 0 {
		fn := live[len(live)-1]
		live = live[:len(live)-1]
		if reached[fn] {
			continue
		}
		reached[fn] = true
		live = append(live, calls[funcs[fn]]...)
	}
	var dead []ast.Decl
	for obj, fd := range funcs {
		if !reached[obj] {
			dead = append(dead, fd)
		}
	}
	sort.Slice(dead, func(i, j int) bool { return dead[i].Pos() < dead[j].Pos() })
	return dead
}

// isRoot reports whether fd is where an execution can start: main, an
// init, a function of a test file, or one exported to C or by linkname.
func isRoot(pass *analysis.Pass, fd *ast.FuncDecl) bool {
	if fd.Name.Name == "main" || fd.Name.Name == "init" {
		return true
	}
	if tf := pass.Fset.File(fd.Pos()); tf != nil && strings.HasSuffix(tf.Name(), "_test.go") {
		return true
	}
	if fd.Doc != nil {
		for _, c := range fd.Doc.List {
			if strings.HasPrefix(c.Text, "//export ") || strings.HasPrefix(c.Text, "//go:linkname ") {
				return true
			}
		}
	}
	return false
}

// declAt returns the top-level declaration of decls (sorted) that holds
// pos, or nil.
func declAt(decls []ast.Decl, pos token.Pos) ast.Decl {
	i := sort.Search(len(decls), func(i int) bool { return decls[i].End() > pos })
	if i < len(decls) && decls[i].Pos() <= pos {
		return decls[i]
	}
	return nil
}
