package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"slices"
	"strings"

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

// Why a finding is left.
const (
	whyNotAsWritten = "its fix is not in the file as written (cgo or a //line directive): fix it by hand"
	whyOverlap      = "its fix overlaps another fix: run httpvet -fix again"
	whyChoose       = "its fixes are alternatives that each change what the program does: choose one in your editor, or fix it by hand"
)

// A fixRun is the outcome of applying fixes.
type fixRun struct {
	left     []leftover // findings not fixed, at their positions before the fixes
	applied  int        // fixes applied (or shown, with -diff)
	overlaps int        // fixes left out because they overlap one applied
}

// fix applies the fixes of res's findings (or, with diff, prints them)
// and returns the findings left, and false if something failed (the
// errors are printed).
//
// The findings left are those of a second go vet run over the fixed files,
// so their positions are where they are now and a finding another fix
// resolved is gone. Only the packages whose files changed, and those that
// import them, are analyzed again: go vet's cache answers for the rest.
// With diff nothing changes on disk, so the findings left are those
// without an applicable fix, at their positions.
func fix(res results, v *vetRun, diff bool, stdout, stderr io.Writer) ([]leftover, bool) {
	run, err := applyFixes(res.findings, diff, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "httpvet: %v\n", err)
		return run.left, false
	}
	if diff || run.applied == 0 {
		return run.left, true
	}
	again, err := v.run()
	if err != nil {
		fmt.Fprintf(stderr, "httpvet: after applying the fixes: %v\n", err)
		return run.left, false
	}
	// Errors are printed once: those the fixes caused are new.
	for _, e := range again.errors {
		if !slices.Contains(res.errors, e) {
			fmt.Fprintln(stderr, e)
		}
	}
	var left []leftover
	src := make(sources)
	for _, f := range again.findings {
		why := ""
		if fixes.Chooses(f.Category) {
			why = whyChoose
		} else if len(f.SuggestedFixes) > 0 {
			if _, _, ok := resolve(f.SuggestedFixes[0], src); !ok {
				why = whyNotAsWritten
			} else if run.overlaps > 0 {
				why = whyOverlap
			}
		}
		left = append(left, leftover{f, why})
	}
	return left, !again.failed
}

// applyFixes applies the first suggested fix of each finding (none where
// the fixes are alternatives for the author to choose: fixes.ChooseFix),
// skipping a
// fix that overlaps one already taken, and writes the files (or, with
// diff, prints a unified diff to w). A fixed file is gofmt-formatted when
// it was before.
func applyFixes(findings []*finding, diff bool, w io.Writer) (fixRun, error) {
	var run fixRun
	src := make(sources)
	byFile := make(map[string][]edit)
	var files []string
	for _, f := range findings {
		if len(f.SuggestedFixes) == 0 {
			run.left = append(run.left, leftover{f, ""})
			continue
		}
		if fixes.Chooses(f.Category) {
			run.left = append(run.left, leftover{f, whyChoose})
			continue
		}
		edits, file, ok := resolve(f.SuggestedFixes[0], src)
		if !ok {
			run.left = append(run.left, leftover{f, whyNotAsWritten})
			continue
		}
		if conflicts(byFile[file], edits) {
			run.left = append(run.left, leftover{f, whyOverlap})
			run.overlaps++
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
		run.applied++
	}
	slices.Sort(files)
	for _, file := range files {
		if err := writeFixed(file, src[file], byFile[file], diff, w); err != nil {
			return run, err
		}
	}
	return run, nil
}

// writeFixed applies edits to old, the content of file, and writes the
// file, or prints the diff to w.
func writeFixed(file string, old []byte, edits []edit, diff bool, w io.Writer) error {
	slices.SortStableFunc(edits, func(a, b edit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
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
		_, err := io.WriteString(w, unifiedDiff(file, string(old), string(fixed)))
		return err
	}
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	return os.WriteFile(file, fixed, info.Mode().Perm())
}

// sources caches the files fixes edit; nil for a file that cannot be read.
type sources map[string][]byte

func (s sources) read(file string) []byte {
	data, ok := s[file]
	if !ok {
		data, _ = os.ReadFile(file)
		s[file] = data
	}
	return data
}

// resolve returns the edits of fix as offsets into the one file they
// change. go vet names a file by its position, which a //line directive
// moves, and counts offsets in the file it compiled (for a file that
// imports "C", cgo's rewritten copy): the offsets are the named file's
// only when that file has no line directive and does not import "C". It
// fails otherwise, and for edits past the end of the file (it changed
// since go vet read it). A //line directive in another file that names
// this one is not detected; generated files (those that have such
// directives) get no findings, so no fixes.
func resolve(fix jsonFix, src sources) ([]edit, string, bool) {
	var file string
	var edits []edit
	for _, te := range fix.Edits {
		if file == "" {
			file = te.Filename
		} else if file != te.Filename {
			return nil, "", false // the analyzers' fixes stay in one file
		}
		edits = append(edits, edit{te.Start, te.End, te.New})
	}
	if file == "" || !strings.HasSuffix(file, ".go") {
		return nil, "", false
	}
	data := src.read(file)
	if data == nil || !asWritten(file, data) {
		return nil, "", false
	}
	for _, e := range edits {
		if e.start < 0 || e.start > e.end || e.end > len(data) {
			return nil, "", false
		}
	}
	return edits, file, true
}

// asWritten reports whether the offsets go vet gives for file are into
// data: it has no line directive and does not import "C". A file that
// does not parse is not.
func asWritten(file string, data []byte) bool {
	if bytes.HasPrefix(data, []byte("//line ")) || bytes.Contains(data, []byte("\n//line ")) || bytes.Contains(data, []byte("/*line ")) {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, data, parser.ImportsOnly)
	if err != nil {
		return false
	}
	for _, imp := range f.Imports {
		if imp.Path.Value == `"C"` {
			return false
		}
	}
	return true
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
