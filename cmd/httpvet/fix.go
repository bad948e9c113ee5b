package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"io"
	"os"
	"slices"

	"github.com/httpvet/httpvet/internal/fixes"
)

// An edit is a TextEdit resolved to byte offsets of a file on disk.
type edit struct {
	start, end int
	text       string
}

// A leftover is a finding -fix did not fix, and why.
type leftover struct {
	*finding
	why string
}

// applyFixes applies the first suggested fix of each finding (none where
// the fixes are alternatives for the author to choose: fixes.ChooseFix), skipping a
// fix that overlaps one already taken, and writes the files (or, with
// diff, prints a unified diff to w). A fixed file is gofmt-formatted when
// it was before. It returns the findings left unfixed.
func applyFixes(findings []*finding, diff bool, w io.Writer) ([]leftover, error) {
	var left []leftover
	byFile := make(map[string][]edit)
	var files []string
	for _, f := range findings {
		if len(f.diag.SuggestedFixes) == 0 {
			left = append(left, leftover{f, ""})
			continue
		}
		if _, ok := fixes.DefaultFix(f.diag); !ok {
			left = append(left, leftover{f, "its fixes are alternatives that each change what the program does: choose one in your editor, or fix it by hand"})
			continue
		}
		edits, file, ok := resolve(f)
		if !ok {
			left = append(left, leftover{f, "its fix is not in the file as written (cgo or a //line directive): fix it by hand"})
			continue
		}
		if conflicts(byFile[file], edits) {
			left = append(left, leftover{f, "its fix overlaps another fix: run httpvet -fix again"})
			continue
		}
		if _, ok := byFile[file]; !ok {
			files = append(files, file)
		}
		for _, e := range edits {
			if !slices.Contains(byFile[file], e) {
				byFile[file] = append(byFile[file], e)
			}
		}
	}
	slices.Sort(files)
	for _, file := range files {
		old, err := os.ReadFile(file)
		if err != nil {
			return left, err
		}
		edits := byFile[file]
		slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
		var buf bytes.Buffer
		last := 0
		for _, e := range edits {
			if e.end > len(old) {
				return left, fmt.Errorf("%s: fix beyond the end of the file: the file changed since it was loaded", file)
			}
			buf.Write(old[last:e.start])
			buf.WriteString(e.text)
			last = e.end
		}
		buf.Write(old[last:])
		fixed := buf.Bytes()
		if formatted, err := format.Source(old); err == nil && bytes.Equal(formatted, old) {
			if formatted, err := format.Source(fixed); err == nil {
				fixed = formatted
			}
		}
		if diff {
			if _, err := io.WriteString(w, unifiedDiff(file, string(old), string(fixed))); err != nil {
				return left, err
			}
			continue
		}
		info, err := os.Stat(file)
		if err != nil {
			return left, err
		}
		if err := os.WriteFile(file, fixed, info.Mode().Perm()); err != nil {
			return left, err
		}
	}
	return left, nil
}

// resolve returns the edits of f's first fix as offsets into the file they
// change. It fails for positions in a file other than the one written on
// disk under that name: cgo's rewritten copies, //line directives.
func resolve(f *finding) ([]edit, string, bool) {
	fset := f.pkg.Fset
	var file string
	var edits []edit
	for _, te := range f.diag.SuggestedFixes[0].TextEdits {
		tf := fset.File(te.Pos)
		end := cmp.Or(te.End, te.Pos)
		if tf == nil || fset.File(end) != tf {
			return nil, "", false
		}
		name := tf.Name()
		if fset.Position(te.Pos).Filename != name || fset.Position(end).Filename != name {
			return nil, "", false
		}
		if file == "" {
			file = name
		} else if file != name {
			return nil, "", false // the analyzers' fixes stay in one file
		}
		edits = append(edits, edit{tf.Offset(te.Pos), tf.Offset(end), string(te.NewText)})
	}
	return edits, file, file != ""
}

// conflicts reports whether any of edits overlaps a different edit taken.
// Identical edits (the same import added by two fixes) do not conflict.
func conflicts(taken, edits []edit) bool {
	for _, e := range edits {
		for _, t := range taken {
			if e == t {
				continue
			}
			if e.start < t.end && t.start < e.end || e.start == t.start && (e.start == e.end || t.start == t.end) {
				return true
			}
		}
	}
	return false
}
