package fixes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// RemovedImports returns edits deleting the imports of file whose every
// use lies inside the ranges that other edits delete or replace, so that
// the file still compiles. It returns ok=false when a local variable
// declared outside the ranges would be left without any use (a compile
// error that an import edit cannot mend).
func RemovedImports(pass *analysis.Pass, file *ast.File, removed ...analysis.Range) (edits []analysis.TextEdit, ok bool) {
	inRemoved := func(pos token.Pos) bool {
		for _, r := range removed {
			if r.Pos() <= pos && pos < r.End() {
				return true
			}
		}
		return false
	}
	// Objects referenced inside the removed ranges.
	refs := localRefs(pass, file, inRemoved)
	tf := pass.Fset.File(file.Pos())
	for obj, c := range refs {
		if c.inside == 0 || c.outside > 0 {
			continue
		}
		switch obj := obj.(type) {
		case *types.Var:
			if !inRemoved(obj.Pos()) {
				return nil, false
			}
		case *types.PkgName:
			spec := importSpec(file, obj.Imported().Path(), obj.Name())
			if spec == nil {
				return nil, false
			}
			edits = append(edits, deleteImport(tf, file, spec))
		}
	}
	return edits, true
}

// refCount counts the uses of an object inside and outside the ranges
// an edit removes.
type refCount struct{ inside, outside int }

// localRefs counts the uses in file of each import and function-local
// variable of pass's package, inside and outside the removed ranges
// (inRemoved). Assigned-to identifiers are not uses, as for "declared and
// not used"; parameters and results are left out: they may go unused.
func localRefs(pass *analysis.Pass, file *ast.File, inRemoved func(token.Pos) bool) map[types.Object]*refCount {
	refs := make(map[types.Object]*refCount)
	assigned := make(map[*ast.Ident]bool)
	params := make(map[types.Object]bool)
	addParams := func(fields ...*ast.FieldList) {
		for _, list := range fields {
			if list == nil {
				continue
			}
			for _, f := range list.List {
				for _, name := range f.Names {
					params[pass.TypesInfo.Defs[name]] = true
				}
			}
		}
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			addParams(n.Params, n.Results)
		case *ast.FuncDecl:
			addParams(n.Recv)
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
					assigned[id] = true
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				assigned[id] = true
			}
		}
		id, isIdent := n.(*ast.Ident)
		if !isIdent || assigned[id] {
			return true
		}
		obj := pass.TypesInfo.Uses[id]
		if obj == nil {
			return true
		}
		switch obj := obj.(type) {
		case *types.PkgName:
		case *types.Var:
			// Only function-local variables can become "declared and not used".
			if obj.IsField() || params[obj] || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() || obj.Pkg() != pass.Pkg {
				return true
			}
		default:
			return true
		}
		c := refs[obj]
		if c == nil {
			c = new(refCount)
			refs[obj] = c
		}
		if inRemoved(id.Pos()) {
			c.inside++
		} else {
			c.outside++
		}
		return true
	})
	return refs
}

func importSpec(file *ast.File, path, name string) *ast.ImportSpec {
	for _, spec := range file.Imports {
		p, _ := strconv.Unquote(spec.Path.Value)
		if p != path {
			continue
		}
		if spec.Name == nil || spec.Name.Name == name {
			return spec
		}
	}
	return nil
}

// deleteImport deletes spec: its whole declaration when it is alone in
// it, otherwise its line.
func deleteImport(tf *token.File, file *ast.File, spec *ast.ImportSpec) analysis.TextEdit {
	for _, decl := range file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, s := range gd.Specs {
			if s != spec {
				continue
			}
			if len(gd.Specs) == 1 {
				return lineEdit(tf, gd.Pos(), gd.End())
			}
			return lineEdit(tf, spec.Pos(), spec.End())
		}
	}
	return analysis.TextEdit{Pos: spec.Pos(), End: spec.End()}
}

// lineEdit deletes the lines from pos to end, including the final newline.
func lineEdit(tf *token.File, pos, end token.Pos) analysis.TextEdit {
	start := tf.LineStart(tf.Line(pos))
	endLine := tf.Line(end)
	stop := token.Pos(tf.Base() + tf.Size())
	if endLine < tf.LineCount() {
		stop = tf.LineStart(endLine + 1)
	}
	return analysis.TextEdit{Pos: start, End: stop}
}
