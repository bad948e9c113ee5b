// Package fixes holds the text-edit helpers shared by httpvet's suggested
// fixes: finding the enclosing file, naming or adding an import, and
// removing an import that an edit leaves unused, so that fixed code
// compiles under every driver (gopls applies edits as they are).
package fixes

import (
	"bytes"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
)

// File returns the syntax tree of the file of pass that contains pos.
func File(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// ImportName returns the name by which file refers to the package path,
// or "" if file does not import it under a usable name (absent, blank or
// dot import).
func ImportName(info *types.Info, file *ast.File, path string) string {
	for _, spec := range file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil || p != path {
			continue
		}
		if spec.Name != nil {
			if spec.Name.Name == "_" || spec.Name.Name == "." {
				continue
			}
			return spec.Name.Name
		}
		if pn, ok := info.Implicits[spec].(*types.PkgName); ok {
			return pn.Name()
		}
	}
	return ""
}

// AddImport returns the name under which file can refer to the package
// path (whose default name is name) once edits are applied, and those
// edits (none if it is already imported). ok is false when the name is
// taken in the scope at pos, so that a fix using it would not compile.
func AddImport(info *types.Info, pkg *types.Package, file *ast.File, pos token.Pos, path, name string) (local string, edits []analysis.TextEdit, ok bool) {
	if n := ImportName(info, file, path); n != "" {
		return n, nil, true
	}
	// The new name must not be declared in any scope enclosing pos
	// (package, file or local).
	if scope := pkg.Scope().Innermost(pos); scope != nil {
		if _, obj := scope.LookupParent(name, pos); obj != nil {
			return "", nil, false
		}
	}
	if obj := pkg.Scope().Lookup(name); obj != nil {
		return "", nil, false
	}
	quoted := strconv.Quote(path)
	// Insert into the first parenthesized import declaration, in order.
	for _, decl := range file.Decls {
		gd, isGen := decl.(*ast.GenDecl)
		if !isGen || gd.Tok != token.IMPORT {
			break
		}
		if !gd.Lparen.IsValid() {
			continue
		}
		at := gd.Rparen
		for _, spec := range gd.Specs {
			if is := spec.(*ast.ImportSpec); is.Path.Value > quoted {
				at = is.Pos()
				return name, []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(quoted + "\n\t")}}, true
			}
		}
		return name, []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\t" + quoted + "\n")}}, true
	}
	// No parenthesized import declaration: add one after the package clause.
	at := file.Name.End()
	return name, []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n\nimport " + quoted)}}, true
}

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
	type count struct{ inside, outside int }
	refs := make(map[types.Object]*count)
	// Assigned-to identifiers are not uses for "declared and not used".
	assigned := make(map[*ast.Ident]bool)
	// Parameters and results may go unused.
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
			c = new(count)
			refs[obj] = c
		}
		if inRemoved(id.Pos()) {
			c.inside++
		} else {
			c.outside++
		}
		return true
	})
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

// DeleteStmt returns an edit deleting the statement stmt with its lines,
// and ok=false unless stmt has its lines to itself (nothing but white
// space and comments before or after it on them).
func DeleteStmt(pass *analysis.Pass, stmt ast.Stmt) (edit analysis.TextEdit, ok bool) {
	tf := pass.Fset.File(stmt.Pos())
	if tf == nil {
		return edit, false
	}
	content, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(content) {
		return edit, false
	}
	edit = lineEdit(tf, stmt.Pos(), stmt.End())
	before := content[tf.Offset(edit.Pos):tf.Offset(stmt.Pos())]
	after := content[tf.Offset(stmt.End()):tf.Offset(edit.End)]
	if len(bytes.TrimSpace(before)) > 0 {
		return edit, false
	}
	if rest := bytes.TrimSpace(after); len(rest) > 0 && !bytes.HasPrefix(rest, []byte("//")) {
		return edit, false
	}
	return edit, true
}
