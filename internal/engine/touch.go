package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"github.com/httpvet/httpvet/internal/match"
)

// Touching returns the functions whose bodies (or signatures) touch one of
// the packages paths: an identifier used or defined in them denotes an
// object of one of them, or has a type that mentions one of their named
// types. A function literal is listed, not the declaration around it, when
// only the literal touches them; a declaration is listed when the
// identifier lies in it outside any literal. The result is in source
// order, computed once per set of paths, and empty at once when the
// package reaches none of them. In a package that is one of them, where
// nearly every identifier matches, it is every function of the package,
// literals included, without reading an identifier: the few literals
// that touch nothing hold nothing an analyzer looks for.
func (idx *Index) Touching(paths ...string) []*Func {
	return idx.query(paths).funcs
}

// Within reports whether the package is path itself. Then every function
// declaration touches path (its own name is an object of path), and no
// package it imports can declare anything that mentions path's types (it
// would import path: a cycle). An analyzer that adds to Touching(path)
// the functions using some object of another package, whose type or fact
// involves path, finds nothing more there, and can skip that scan.
func (idx *Index) Within(path string) bool { return idx.pkg.Path() == path }

// Inits returns the package-level declarations (var, const, type) that
// touch one of the packages paths, in source order (all of them in a
// package that is one of the paths); function literals in them are listed
// by [Index.Touching] too.
func (idx *Index) Inits(paths ...string) []ast.Decl {
	return idx.query(paths).inits
}

func (idx *Index) query(paths []string) *touchEntry {
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	key := strings.Join(sorted, "\x00")
	idx.mu.Lock()
	e := idx.touch[key]
	idx.mu.Unlock()
	if e != nil {
		return e
	}
	var want []*types.Package // compared by pointer: a string hash per identifier cost more
	for _, p := range paths {
		if pkg := idx.reachedPkg(p); pkg != nil {
			want = append(want, pkg)
		}
	}
	switch {
	case len(want) == 0:
		e = new(touchEntry) // the package cannot touch them: skipped at once
	case slices.Contains(want, idx.pkg):
		e = idx.everything()
	default:
		e = idx.scan(func(obj types.Object, mention func(types.Type) bool) bool {
			return slices.Contains(want, obj.Pkg()) || mention(obj.Type())
		}, want)
	}
	idx.mu.Lock()
	idx.touch[key] = e
	idx.mu.Unlock()
	return e
}

// TouchingObjects returns the functions in which an identifier, used or
// defined, denotes an object for which pred is true, in source order. It
// is not cached: pred is usually a fact lookup that changes as an analyzer
// exports facts.
func (idx *Index) TouchingObjects(pred func(types.Object) bool) []*Func {
	return idx.scan(func(obj types.Object, _ func(types.Type) bool) bool { return pred(obj) }, nil).funcs
}

// scan reads Uses and Defs once and groups the positions whose object
// matches by function.
// everything lists every function and package-level declaration (but
// imports) of the package, in source order.
func (idx *Index) everything() *touchEntry {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	e := new(touchEntry)
	for _, f := range idx.files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				e.funcs = append(e.funcs, idx.declFunc(f, d))
			case *ast.GenDecl:
				if d.Tok == token.IMPORT {
					continue
				}
				e.inits = append(e.inits, d)
			}
			e.funcs = append(e.funcs, idx.litsOf(f, d)...)
		}
	}
	return e
}

func (idx *Index) scan(matches func(types.Object, func(types.Type) bool) bool, pkgs []*types.Package) *touchEntry {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.scans++
	memo := make(map[types.Type]bool)
	inPkgs := func(n *types.Named) bool { return slices.Contains(pkgs, n.Obj().Pkg()) }
	mention := func(t types.Type) bool { return len(pkgs) > 0 && match.TypeMentions(t, inPkgs, memo) }
	// Each matching identifier is placed at once, in map order; the
	// lists are sorted at the end (no slice of every hit to sort).
	e := new(touchEntry)
	for _, m := range []map[*ast.Ident]types.Object{idx.info.Uses, idx.info.Defs} {
		for id, obj := range m {
			if obj == nil || !matches(obj, mention) {
				continue
			}
			pos := id.Pos()
			f, d := idx.locate(pos)
			if d == nil {
				continue // package clause, imports
			}
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				continue
			}
			if fn := idx.enclosingIn(f, d, pos); fn != nil && fn.scanned != idx.scans {
				fn.scanned = idx.scans
				e.funcs = append(e.funcs, fn)
			}
			if gd, ok := d.(*ast.GenDecl); ok && (len(e.inits) == 0 || e.inits[len(e.inits)-1] != gd) {
				e.inits = append(e.inits, gd)
			}
		}
	}
	sort.Slice(e.inits, func(i, j int) bool { return e.inits[i].Pos() < e.inits[j].Pos() })
	e.inits = slices.Compact(e.inits)                                                       // repeats are neighbours once sorted
	sort.Slice(e.funcs, func(i, j int) bool { return e.funcs[i].Pos() < e.funcs[j].Pos() }) // no two start at one position
	return e
}

// Uses returns the identifiers that refer to an object for which pred is
// true, in source order (one read of pass.TypesInfo.Uses).
func (idx *Index) Uses(pred func(types.Object) bool) []*ast.Ident {
	var ids []*ast.Ident
	for id, obj := range idx.info.Uses {
		if obj != nil && pred(obj) {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() < ids[j].Pos() })
	return ids
}
