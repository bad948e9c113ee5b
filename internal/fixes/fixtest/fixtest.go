// Package fixtest checks suggested fixes as gopls applies them: one fix
// at a time, its edits applied as they are, with no formatting after.
package fixtest

import (
	"bytes"
	"go/format"
	"os"
	"slices"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// Gofmt fails t when applying one suggested fix of results, as is, to a
// gofmt-clean file leaves it not gofmt-clean or not parseable. Files
// that are not gofmt-clean to start with are skipped. It returns the
// number of fixes checked.
func Gofmt(t testing.TB, results []*analysistest.Result) int {
	t.Helper()
	n := 0
	for _, r := range results {
		fset := r.Pass.Fset
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				type edit struct {
					start, end int
					text       []byte
				}
				byFile := make(map[string][]edit)
				for _, e := range fix.TextEdits {
					tf := fset.File(e.Pos)
					end := e.End
					if !end.IsValid() {
						end = e.Pos
					}
					byFile[tf.Name()] = append(byFile[tf.Name()], edit{tf.Offset(e.Pos), tf.Offset(end), e.NewText})
				}
				for name, edits := range byFile {
					src, err := os.ReadFile(name)
					if err != nil {
						t.Errorf("%s: %v", name, err)
						continue
					}
					if f, err := format.Source(src); err != nil || !bytes.Equal(f, src) {
						continue
					}
					sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
					var out []byte
					last := 0
					for _, e := range edits {
						if e.start < last {
							t.Errorf("%s: fix %q has overlapping edits", name, fix.Message)
							continue
						}
						out = append(out, src[last:e.start]...)
						out = append(out, e.text...)
						last = e.end
					}
					out = append(out, src[last:]...)
					n++
					f, err := format.Source(out)
					if err != nil {
						t.Errorf("%s: fix %q: fixed file does not parse: %v\n%s", name, fix.Message, err, out)
					} else if !bytes.Equal(f, out) {
						t.Errorf("%s: fix %q: fixed file is not gofmt-clean:\n%s\nwant:\n%s", name, fix.Message, out, f)
					}
				}
			}
		}
	}
	return n
}

// Of returns the results of the packages named paths (their test
// variants included), for checks on part of one analysistest run.
func Of(results []*analysistest.Result, paths ...string) []*analysistest.Result {
	var out []*analysistest.Result
	for _, r := range results {
		if slices.Contains(paths, r.Pass.Pkg.Path()) {
			out = append(out, r)
		}
	}
	return out
}
