// Package fixes holds the text-edit helpers shared by httpvet's suggested
// fixes: finding the enclosing file, naming or adding an import, and
// removing an import that an edit leaves unused, so that fixed code
// compiles under every driver (gopls applies edits as they are).
package fixes

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/scanner"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/strict"
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
		start := spec.Pos()
		if spec.Doc != nil {
			start = spec.Doc.Pos()
		}
		line := tf.Line(start)
		if len(groups) == 0 || line > lastLine+1 {
			groups = append(groups, nil)
		}
		groups[len(groups)-1] = append(groups[len(groups)-1], spec)
		lastLine = tf.Line(spec.End())
	}
	var edits []analysis.TextEdit
	insert := func(at token.Pos, text string) {
		for i := range edits {
			if edits[i].Pos == at {
				edits[i].NewText = append(edits[i].NewText, text...)
				return
			}
		}
		edits = append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)})
	}
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
				start := spec.Pos()
				if spec.Doc != nil {
					start = spec.Doc.Pos()
				}
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
		insert(at, q)
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
	var edits []analysis.TextEdit
	insert := func(at token.Pos, text string) {
		for i := range edits {
			if edits[i].Pos == at {
				edits[i].NewText = append(edits[i].NewText, text...)
				return
			}
		}
		edits = append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)})
	}
next:
	for _, q := range add {
		for _, s := range gd.Specs {
			spec := s.(*ast.ImportSpec)
			if spec.Path.Value > q {
				start := spec.Pos()
				if spec.Doc != nil {
					start = spec.Doc.Pos()
				}
				insert(start, q+"\n\t")
				continue next
			}
		}
		insert(afterLast(file, gd), "\n\t"+q)
	}
	return edits
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

// Duration renders d as Go source using the time package named tm: the
// largest unit that divides it (30 * time.Second, 2 * time.Minute,
// 1500 * time.Millisecond, time.Hour), down to time.Nanosecond, never
// time.Duration(30000000000).
func Duration(tm string, d time.Duration) string {
	if d == 0 {
		return "0"
	}
	for _, u := range []struct {
		d    time.Duration
		name string
	}{{time.Hour, "Hour"}, {time.Minute, "Minute"}, {time.Second, "Second"},
		{time.Millisecond, "Millisecond"}, {time.Microsecond, "Microsecond"}, {time.Nanosecond, "Nanosecond"}} {
		if d%u.d == 0 {
			switch n := d / u.d; n {
			case 1:
				return tm + "." + u.name
			case -1:
				return "-" + tm + "." + u.name
			default:
				return strconv.FormatInt(int64(n), 10) + " * " + tm + "." + u.name
			}
		}
	}
	return strconv.FormatInt(int64(d), 10) // unreachable: every d is a multiple of 1ns
}

// PositiveDuration is a flag.Value holding a duration that a fix writes
// into code: Set rejects zero and negative durations (a zero timeout is
// no timeout, so a fix writing it would fix nothing).
type PositiveDuration struct{ D *time.Duration }

func (p PositiveDuration) String() string {
	if p.D == nil {
		return "0s"
	}
	return p.D.String()
}

func (p PositiveDuration) Set(s string) error {
	d, err := time.ParseDuration(s)
	if err != nil {
		return fmt.Errorf("not a duration: %q (want e.g. 30s, 2m, 1500ms)", s)
	}
	if d <= 0 {
		return fmt.Errorf("%s is not a timeout: a fix must write a positive duration (to silence the check, turn its kind off)", s)
	}
	*p.D = d
	return nil
}

// lineIndent returns the leading white space of the line of pos in src.
func lineIndent(tf *token.File, src []byte, pos token.Pos) string {
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// FormatExpr returns the expression text as gofmt prints it at pos, in
// place of the expression that starts there: formatted on its own, its
// continuation lines indented like the line of pos. ok is false when text
// does not parse or holds a raw string that spans lines (re-indenting it
// would change it).
func FormatExpr(pass *analysis.Pass, pos token.Pos, text string) (string, bool) {
	out, ok := formatSnippet("package p\n\nvar _ = ", text, "\n")
	if !ok {
		return "", false
	}
	out = strings.TrimPrefix(out, "var _ = ")
	return indentRest(pass, pos, out, "")
}

// FormatStmts returns the statements text as gofmt prints them in the
// block where pos starts a statement: its first line starts at pos, the
// others are indented like the line of pos. ok is false as for
// FormatExpr.
func FormatStmts(pass *analysis.Pass, pos token.Pos, text string) (string, bool) {
	out, ok := formatSnippet("package p\n\nfunc _() {\n", text, "\n}\n")
	if !ok {
		return "", false
	}
	out = strings.TrimSuffix(out, "\n}")
	// Body lines are indented by one tab.
	var b strings.Builder
	for i, l := range strings.Split(out, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimPrefix(l, "\t"))
	}
	return indentRest(pass, pos, b.String(), "")
}

// formatSnippet formats prefix+text+suffix as a file and returns the part
// of it after the package clause and prefix's declaration keyword line.
func formatSnippet(prefix, text, suffix string) (string, bool) {
	if multilineRaw(text) {
		return "", false
	}
	src, err := format.Source([]byte(prefix + text + suffix))
	if err != nil {
		return "", false
	}
	out := strings.TrimSuffix(string(src), "\n")
	out = strings.TrimPrefix(out, "package p\n\n")
	out = strings.TrimPrefix(out, "func _() {\n")
	return out, true
}

func indentRest(pass *analysis.Pass, pos token.Pos, text, _ string) (string, bool) {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return "", false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return "", false
	}
	indent := lineIndent(tf, src, pos)
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, "\n"), true
}

// Replace returns the edit replacing the text at [pos, end) of its file
// by text, trimmed to the part that changes (so that fixes touching
// nearby text conflict less). ok is false when the file cannot be read.
func Replace(pass *analysis.Pass, pos, end token.Pos, text string) (analysis.TextEdit, bool) {
	tf := pass.Fset.File(pos)
	if tf == nil {
		return analysis.TextEdit{}, false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return analysis.TextEdit{}, false
	}
	old := src[tf.Offset(pos):tf.Offset(end)]
	nt := []byte(text)
	p := 0
	for p < len(old) && p < len(nt) && old[p] == nt[p] {
		p++
	}
	s := 0
	for s < len(old)-p && s < len(nt)-p && old[len(old)-1-s] == nt[len(nt)-1-s] {
		s++
	}
	return analysis.TextEdit{Pos: pos + token.Pos(p), End: end - token.Pos(s), NewText: nt[p : len(nt)-s]}, true
}

// Source returns the text of n in its file.
func Source(pass *analysis.Pass, n ast.Node) (string, bool) {
	tf := pass.Fset.File(n.Pos())
	if tf == nil {
		return "", false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return "", false
	}
	return string(src[tf.Offset(n.Pos()):tf.Offset(n.End())]), true
}

// multilineRaw reports whether the Go source text holds a raw string
// literal that spans lines.
func multilineRaw(text string) bool {
	if !strings.Contains(text, "`") {
		return false
	}
	var sc scanner.Scanner
	fset := token.NewFileSet()
	sc.Init(fset.AddFile("", -1, len(text)), []byte(text), nil, 0)
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			return false
		}
		if tok == token.STRING && strings.HasPrefix(lit, "`") && strings.Contains(lit, "\n") {
			return true
		}
	}
}

// ChooseFix is the Category of a diagnostic whose suggested fixes are
// alternatives that each change what the program does beyond the bug (a
// GET with a body: send it as POST, or drop the data): which one is right
// is the author's call. Editors (gopls) offer every one; httpvet's drivers
// apply none with -fix (httpvet -fix, go vet -vettool=httpvet -fix, the
// golangci-lint plugin's --fix) and leave the finding to the author. A
// diagnostic without this category has a first fix that keeps the
// program's intent, which -fix applies.
const ChooseFix = "choose-fix"

// Chooses reports whether a diagnostic of the given Category has fixes
// for the author to choose from (ChooseFix), whatever its class.
func Chooses(category string) bool { return strict.Other(category) == ChooseFix }

// DefaultFix returns the fix of d that -fix applies: its first, unless d's
// fixes are alternatives for the author to choose from (ChooseFix).
func DefaultFix(d analysis.Diagnostic) (analysis.SuggestedFix, bool) {
	if Chooses(d.Category) || len(d.SuggestedFixes) == 0 {
		return analysis.SuggestedFix{}, false
	}
	return d.SuggestedFixes[0], true
}

// DefaultFixOnly wraps a's Run so that each diagnostic it reports keeps
// only the fix -fix may apply (DefaultFix), for drivers that apply the
// first fix of a diagnostic (unitchecker's -fix) or all of them
// (golangci-lint). It changes a in place and returns it.
func DefaultFixOnly(a *analysis.Analyzer) *analysis.Analyzer {
	run := a.Run
	if run == nil {
		return a
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(d analysis.Diagnostic) {
			if fix, ok := DefaultFix(d); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			} else {
				d.SuggestedFixes = nil
			}
			report(d)
		}
		return run(pass)
	}
	return a
}
