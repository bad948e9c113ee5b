package analyzertest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/ast/astutil"
	"golang.org/x/tools/txtar"
)

// This file checks suggested fixes against golden files as
// analysistest.RunWithSuggestedFixes does. The fixes of each package
// (each test variant apart, for they may suggest the same edits to a
// shared file) are merged per file; a.go's result is compared, both
// sides formatted, with a.go.golden: a Go file the result of all fixes,
// or a txtar archive whose sections, named by fix messages, are the
// results of the fixes of each message. Fixes to generated files are
// left out.

// edit replaces the bytes [start, end) of a file by text.
type edit struct {
	start, end int
	text       string
}

// fileEdits are the edits of one fix, by file name.
type fileEdits map[string][]edit

// checkGolden compares the fixes of act with the golden files of the
// files they edit.
func checkGolden(t Testing, act *checker.Action) {
	generated := make(map[*token.File]bool)
	for _, f := range act.Package.Syntax {
		generated[act.Package.Fset.File(f.Pos())] = ast.IsGenerated(f)
	}
	byMessage := make(map[string][]fileEdits) // in the order reported
	edited := make(map[string]bool)
fixes:
	for _, d := range act.Diagnostics {
		for _, fix := range d.SuggestedFixes {
			for _, e := range fix.TextEdits {
				if generated[act.Package.Fset.File(e.Pos)] {
					continue fixes
				}
			}
			edits := make(fileEdits)
			for _, e := range fix.TextEdits {
				file := act.Package.Fset.File(e.Pos)
				edited[file.Name()] = true
				edits[file.Name()] = append(edits[file.Name()], edit{file.Offset(e.Pos), file.Offset(e.End), string(e.NewText)})
			}
			byMessage[fix.Message] = append(byMessage[fix.Message], edits)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(edited)) {
		checkGoldenFile(t, act.Package.Types, name, byMessage)
	}
}

// checkGoldenFile compares the fixes byMessage of the file name with
// name.golden.
func checkGoldenFile(t Testing, pkg *types.Package, name string, byMessage map[string][]fileEdits) {
	src, err := os.ReadFile(name)
	if err != nil {
		t.Errorf("error reading %s: %v", name, err)
		return
	}
	merged := func(messages ...string) []edit {
		var all []edit
		for _, msg := range messages {
			for _, fix := range byMessage[msg] {
				var ok bool
				if all, ok = mergeEdits(all, fix[name]); !ok {
					t.Errorf("in file %s, conflict applying fix %q", name, msg)
				}
			}
		}
		return all
	}
	ar, err := txtar.ParseFile(name + ".golden")
	if err != nil {
		t.Errorf("error reading %s.golden: %v", name, err)
		return
	}
	if len(ar.Files) == 0 { // the result of all fixes
		if err := compareFixed(pkg, name, src, ar.Comment, merged(slices.Sorted(maps.Keys(byMessage))...)); err != nil {
			t.Errorf("all fixes: %s", err)
		}
		return
	}
	if len(ar.Comment) > 0 {
		t.Errorf("%s.golden has leading comment; we don't know what to do with it", name)
		return
	}
	for _, section := range ar.Files { // the result of each message's fixes
		if err := compareFixed(pkg, name, src, section.Data, merged(section.Name)); err != nil {
			t.Errorf("all fixes of message %q: %s", section.Name, err)
		}
	}
}

// mergeEdits merges two lists of edits, each in order and without
// overlaps: identical edits count once, insertions at one point keep x's
// first, and an edit partly before another is split. It reports false,
// with x, on a conflict: different edits of the same bytes.
func mergeEdits(x, y []edit) ([]edit, bool) {
	x, y = slices.Clone(x), slices.Clone(y)
	var out []edit
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		a, b := &x[i], &y[j]
		switch {
		case *a == *b:
			out = append(out, *a)
			i, j = i+1, j+1
		case a.end <= b.start:
			out = append(out, *a)
			i++
		case b.end <= a.start:
			out = append(out, *b)
			j++
		case a.start < b.start:
			out = append(out, edit{a.start, b.start, ""})
			a.start = b.start
		case b.start < a.start:
			out = append(out, edit{b.start, a.start, ""})
			b.start = a.start
		default:
			return x, false
		}
	}
	out = append(out, x[i:]...)
	return append(out, y[j:]...), true
}

// applyEdits applies edits to src in order of position (insertions at
// one point in the order given); they must not overlap.
func applyEdits(src []byte, edits []edit) ([]byte, error) {
	edits = slices.Clone(edits)
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	var out []byte
	last := 0
	for _, e := range edits {
		if e.start < last || e.end < e.start || e.end > len(src) {
			return nil, fmt.Errorf("overlapping or out-of-bounds edits")
		}
		out = append(append(out, src[last:e.start]...), e.text...)
		last = e.end
	}
	return append(out, src[last:]...), nil
}

// compareFixed applies edits to src, the file name of pkg, and compares
// the result, its imports sorted and those left unused removed, with
// want, both formatted.
func compareFixed(pkg *types.Package, name string, src, want []byte, edits []edit) error {
	if cwd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(cwd, name); err == nil {
			name = rel
		}
	}
	if len(edits) == 0 {
		return fmt.Errorf("%s: no edits", name)
	}
	fixed, err := applyEdits(src, edits)
	if err != nil {
		return fmt.Errorf("%s: error applying fixes: %v", name, err)
	}
	formatted, err := formatRemovingImports(pkg, fixed)
	if err != nil {
		return fmt.Errorf("%s: error formatting resulting source: %v\n%s", name, err, fixed)
	}
	if want, err = format.Source(want); err != nil {
		return fmt.Errorf("%s.golden: error formatting golden file: %v\n%s", name, err, formatted)
	}
	trim := func(b []byte) string { return string(bytes.TrimSpace(b)) + "\n" }
	if trim(formatted) != trim(want) {
		return fmt.Errorf("unexpected %s content:\n-- original --\n%s\n-- fixed --\n%s\n-- want --\n%s\n-- first difference --\n%s",
			name, src, formatted, want, firstDifference(trim(formatted), trim(want)))
	}
	return nil
}

// firstDifference describes the first line where fixed and want differ.
func firstDifference(fixed, want string) string {
	f, w := strings.Split(fixed, "\n"), strings.Split(want, "\n")
	for i := 0; ; i++ {
		if i >= len(f) || i >= len(w) || f[i] != w[i] {
			line := func(l []string) string {
				if i < len(l) {
					return strconv.Quote(l[i])
				}
				return "end of file"
			}
			return fmt.Sprintf("line %d: fixed %s, want %s", i+1, line(f), line(w))
		}
	}
}

// formatRemovingImports formats src, a file of pkg as fixed, with its
// imports sorted and the imports of pkg's dependencies that src no
// longer uses removed. An import is used when its name qualifies an
// identifier (name.X) outside import declarations; imports of packages
// pkg does not reach, blank and dot imports are kept.
func formatRemovingImports(pkg *types.Package, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fixed.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	ast.SortImports(fset, file)
	names := make(map[string]string) // by path: the package's name
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if names[p.Path()] == "" {
			names[p.Path()] = p.Name()
			for _, imp := range p.Imports() {
				visit(imp)
			}
		}
	}
	for _, imp := range pkg.Imports() {
		visit(imp)
	}
	used := qualifiers(file)
	type spec struct{ name, path string }
	var unused []spec
	for _, s := range file.Imports {
		path, err := strconv.Unquote(s.Path.Value)
		if err != nil {
			continue
		}
		explicit := ""
		if s.Name != nil {
			explicit = s.Name.Name
		}
		name := explicit
		if name == "" {
			name = names[path]
		}
		if name != "" && name != "." && name != "_" && !used[name] {
			unused = append(unused, spec{explicit, path})
		}
	}
	for _, s := range unused {
		astutil.DeleteNamedImport(fset, file, s.name, s.path)
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// qualifiers returns the identifiers that qualify another (the x of x.y)
// outside the import declarations of file.
func qualifiers(file *ast.File) map[string]bool {
	used := make(map[string]bool)
	for _, decl := range file.Decls {
		if gen, ok := decl.(*ast.GenDecl); ok && gen.Tok == token.IMPORT {
			continue
		}
		ast.Inspect(decl, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					used[id.Name] = true
				}
			}
			return true
		})
	}
	return used
}
