package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
)

// Decls returns the top-level declarations (functions, and var, const and
// type declarations; never imports) that contain an identifier, used or
// defined, whose object pred accepts, in source order. Unlike
// [Index.Touching] it names whole declarations, package-level ones
// included, for an analyzer that walks a declaration's syntax itself and
// must see every node the predicate can lead to. It is not cached.
func (idx *Index) Decls(pred func(types.Object) bool) []ast.Decl {
	var hits []token.Pos
	for _, m := range []map[*ast.Ident]types.Object{idx.info.Uses, idx.info.Defs} {
		for id, obj := range m {
			if obj != nil && pred(obj) {
				hits = append(hits, id.Pos())
			}
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i] < hits[j] })
	var out []ast.Decl
	var last ast.Decl
	for _, pos := range hits {
		f := idx.file(pos)
		if f == nil {
			continue
		}
		d := decl(f, pos)
		if d == nil || d == last {
			continue
		}
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		last = d
		out = append(out, d)
	}
	return out
}
