package fixes

// Adding imports: the name a file uses for a package, and the edits that
// add the imports a fix needs to the file's import block.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

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
// The import joins the file's import block (see AddImports).
func AddImport(info *types.Info, pkg *types.Package, file *ast.File, pos token.Pos, path, name string) (local string, edits []analysis.TextEdit, ok bool) {
	names, edits, ok := addImports(nil, info, pkg, file, pos, []importReq{{path, name}})
	if !ok {
		return "", nil, false
	}
	return names[0], edits, true
}

// AddImports is AddImport for several packages at once, each named by the
// last element of its path: it returns their local names in the order of
// paths, and the edits adding those that file lacks.
//
// New imports join the file's import block, sorted among its imports
// (standard library packages in the group of standard library imports),
// so that the fixed file is gofmt-clean and keeps one import declaration:
// a lone `import "x"` becomes a parenthesized block, and only a file with
// no import at all (or only `import "C"`) gets a new declaration.
//
// ok is false when pos is in no file of pass or a name is taken.
func AddImports(pass *analysis.Pass, pos token.Pos, paths ...string) (names []string, edits []analysis.TextEdit, ok bool) {
	file := File(pass, pos)
	if file == nil {
		return nil, nil, false
	}
	reqs := make([]importReq, len(paths))
	for i, p := range paths {
		reqs[i] = importReq{p, p[strings.LastIndex(p, "/")+1:]}
	}
	return addImports(pass.Fset.File(file.Pos()), pass.TypesInfo, pass.Pkg, file, pos, reqs)
}

type importReq struct{ path, name string }

// addImports adds the imports reqs; tf, when known, lets a standard
// library path join the group of standard imports.
func addImports(tf *token.File, info *types.Info, pkg *types.Package, file *ast.File, pos token.Pos, reqs []importReq) (names []string, edits []analysis.TextEdit, ok bool) {
	var add []string // quoted paths to add
	for _, r := range reqs {
		if n := ImportName(info, file, r.path); n != "" {
			names = append(names, n)
			continue
		}
		// The new name must not be declared in any scope enclosing pos
		// (package, file or local).
		if scope := pkg.Scope().Innermost(pos); scope != nil {
			if _, obj := scope.LookupParent(r.name, pos); obj != nil {
				return nil, nil, false
			}
		}
		if obj := pkg.Scope().Lookup(r.name); obj != nil {
			return nil, nil, false
		}
		names = append(names, r.name)
		q := strconv.Quote(r.path)
		if !slices.Contains(add, q) {
			add = append(add, q)
		}
	}
	if len(add) == 0 {
		return names, nil, true
	}
	sort.Strings(add)
	return names, importEdits(tf, file, add), true
}

// isStd reports whether the quoted import path looks like a standard
// library path (no dot in its first element).
func isStd(quoted string) bool {
	p, _ := strconv.Unquote(quoted)
	first, _, _ := strings.Cut(p, "/")
	return !strings.Contains(first, ".")
}

// importEdits returns the edits adding the sorted quoted paths add to file.
func importEdits(tf *token.File, file *ast.File, add []string) []analysis.TextEdit {
	var decls []*ast.GenDecl
	for _, decl := range file.Decls {
		gd, isGen := decl.(*ast.GenDecl)
		if !isGen || gd.Tok != token.IMPORT {
			break
		}
		decls = append(decls, gd)
	}
	// A parenthesized import declaration: insert each path in its group.
	for _, gd := range decls {
		if gd.Lparen.IsValid() && len(gd.Specs) > 0 {
			if tf == nil {
				return sortedEdits(file, gd, add)
			}
			return blockEdits(tf, file, gd, add)
		}
	}
	// A lone import (not cgo's "C"): make it a block.
	for _, gd := range decls {
		if len(gd.Specs) != 1 || gd.Lparen.IsValid() {
			continue
		}
		spec := gd.Specs[0].(*ast.ImportSpec)
		if spec.Path.Value == `"C"` {
			continue
		}
		var before, after []string
		for _, q := range add {
			if q < spec.Path.Value {
				before = append(before, q)
			} else {
				after = append(after, q)
			}
		}
		start := spec.Pos()
		if spec.Doc != nil {
			start = spec.Doc.Pos()
		}
		return []analysis.TextEdit{
			{Pos: start, End: start, NewText: []byte("(\n" + lines(before) + "\t")},
			{Pos: spec.End(), End: spec.End(), NewText: []byte("\n" + lines(after) + ")")},
		}
	}
	// No import to join: a new declaration after the last one, or after
	// the package clause.
	at := file.Name.End()
	if len(decls) > 0 {
		at = decls[len(decls)-1].End()
	}
	if len(add) == 1 {
		return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n\nimport " + add[0])}}
	}
	var std, other []string
	for _, q := range add {
		if isStd(q) {
			std = append(std, q)
		} else {
			other = append(other, q)
		}
	}
	text := lines(std)
	if len(std) > 0 && len(other) > 0 {
		text += "\n"
	}
	text += lines(other)
	return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n\nimport (\n" + text + ")")}}
}

// lines returns the quoted paths, one a line, indented by a tab.
func lines(quoted []string) string {
	var b strings.Builder
	for _, q := range quoted {
		b.WriteString("\t" + q + "\n")
	}
	return b.String()
}

// blockEdits inserts the sorted quoted paths add into the parenthesized
// import declaration gd: standard library paths in the first group whose
// first import is a standard one, others in the last group whose first
// import is not (or the first group when there is no such group), each
// before the first import of the group that sorts after it.
func blockEdits(tf *token.File, file *ast.File, gd *ast.GenDecl, add []string) []analysis.TextEdit {
	// Groups: runs of specs on consecutive lines.
	var groups [][]*ast.ImportSpec
	lastLine := -1
	for _, s := range gd.Specs {
		spec := s.(*ast.ImportSpec)
		line := tf.Line(specStart(spec))
		if len(groups) == 0 || line > lastLine+1 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], spec)
		lastLine = tf.Line(spec.End())
	}
	var edits insertions
	for _, q := range add {
		group := groups[0]
		if isStd(q) {
			for _, g := range groups {
				if isStd(g[0].Path.Value) {
					group = g
					break
				}
			}
		} else {
			for _, g := range groups {
				if !isStd(g[0].Path.Value) {
					group = g
				}
			}
		}
		at := token.NoPos
		for i, spec := range group {
			if spec.Path.Value > q {
				start := specStart(spec)
				line := tf.Line(start)
				if tf.Line(gd.Lparen) == line || i > 0 && tf.Line(group[i-1].End()) == line {
					// Not the first import on its line: the line start
					// is before the parenthesis or another import.
					at = start
					q += "\n\t"
				} else {
					at = tf.LineStart(line)
					q = "\t" + q + "\n"
				}
				break
			}
		}
		if at == token.NoPos {
			last := group[len(group)-1]
			if l := tf.Line(last.End()); l < tf.LineCount() && l < tf.Line(gd.Rparen) {
				at = tf.LineStart(l + 1)
				q = "\t" + q + "\n"
			} else {
				// The closing parenthesis is on the last import's line.
				at = afterLast(file, gd)
				q = "\n\t" + q
			}
		}
		edits.add(at, q)
	}
	return edits
}

// afterLast returns where an import after the last one of the
// parenthesized declaration gd goes, on a line of its own: right after
// that import and the comments that follow it before the closing
// parenthesis. (Inserting before the parenthesis instead would put the
// new import on the last one's line, with no separator, when the
// parenthesis shares that line: import ("net/http").)
func afterLast(file *ast.File, gd *ast.GenDecl) token.Pos {
	at := gd.Specs[len(gd.Specs)-1].End()
	for _, cg := range file.Comments {
		if cg.Pos() >= at && cg.End() <= gd.Rparen {
			at = cg.End()
		}
	}
	return at
}

// sortedEdits inserts the sorted quoted paths add into the parenthesized
// import declaration gd, each before the first import that sorts after
// it, or at the end (without line information, groups are not told
// apart).
func sortedEdits(file *ast.File, gd *ast.GenDecl, add []string) []analysis.TextEdit {
	var edits insertions
next:
	for _, q := range add {
		for _, s := range gd.Specs {
			spec := s.(*ast.ImportSpec)
			if spec.Path.Value > q {
				edits.add(specStart(spec), q+"\n\t")
				continue next
			}
		}
		edits.add(afterLast(file, gd), "\n\t"+q)
	}
	return edits
}

// insertions are edits that insert text, at most one a position: texts
// inserted at one position follow each other in the order added.
type insertions []analysis.TextEdit

func (ins *insertions) add(at token.Pos, text string) {
	for i := range *ins {
		if (*ins)[i].Pos == at {
			(*ins)[i].NewText = append((*ins)[i].NewText, text...)
			return
		}
	}
	*ins = append(*ins, analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)})
}

// specStart returns where spec starts, its doc comment included.
func specStart(spec *ast.ImportSpec) token.Pos {
	if spec.Doc != nil {
		return spec.Doc.Pos()
	}
	return spec.Pos()
}
