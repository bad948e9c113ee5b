package analyzers_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/bodyclose"
	"github.com/httpvet/httpvet/nilbody"
	"github.com/httpvet/httpvet/reqctx"
	"github.com/httpvet/httpvet/timeouts"
)

// Fuzz modes: bits of FuzzSuite's second argument.
const (
	modeStrict = 1 << iota // every analyzer's strictest flags
	modeTest               // the file is a _test.go file
)

// strictFlags are the flags that make each analyzer report the most.
var strictFlags = []struct {
	a           *analysis.Analyzer
	name, value string
}{
	{bodyclose.Analyzer, "drain", "all"},
	{bodyclose.Analyzer, "tests", "true"},
	{nilbody.Analyzer, "tests", "true"},
	{reqctx.Analyzer, "all", "true"},
	{timeouts.Analyzer, "idle-conn", "true"},
	{timeouts.Analyzer, "tests", "true"},
}

// FuzzSuite runs the whole suite over one Go file, type-checked against
// the standard library (an import of anything else fails, and the file is
// analyzed despite its type errors, as gopls does), and fails if an
// analyzer panics or fails, reports out of the file, or suggests a fix
// whose edits overlap, or after which the file no longer parses or, if it
// did, type-checks; the same for the first fix of every finding applied
// together (as httpvet -fix does), after which a second run must suggest
// no fix. It is seeded with every file of every testdata package.
//
//	GOMAXPROCS=1 go test ./analyzers -run '^$' -fuzz FuzzSuite -parallel 1
func FuzzSuite(f *testing.F) {
	seeds(f)
	w := loadWorld(f)
	f.Fuzz(func(t *testing.T, src []byte, mode uint8) {
		name := "fuzz.go"
		if mode&modeTest != 0 {
			name = "fuzz_test.go"
		}
		if mode&modeStrict != 0 {
			for _, s := range strictFlags {
				fl := s.a.Flags.Lookup(s.name)
				old := fl.Value.String()
				if err := fl.Value.Set(s.value); err != nil {
					t.Fatal(err)
				}
				defer fl.Value.Set(old)
			}
		}
		fuzzOne(t, w, name, src)
	})
}

func fuzzOne(t *testing.T, w *world, name string, src []byte) {
	c, err := w.check("example.com/fuzz", []source{{name, src}})
	if err != nil {
		return // does not parse
	}
	typed := len(c.typeErrors) == 0
	findings, problems := w.analyze(c)
	for _, p := range problems {
		t.Error(p)
	}
	if len(problems) > 0 {
		return
	}

	// Each fix alone.
	for _, fd := range findings {
		for _, fix := range fd.diag.SuggestedFixes {
			edits, _, err := c.resolve(fix)
			if err != nil {
				continue // reported by validate
			}
			what := fmt.Sprintf("%s fix %q of %q", fd.analyzer.Name, fix.Message, fd.diag.Message)
			checkFixed(t, w, name, src, apply(src, edits), typed, what)
		}
	}

	// The first fix of each finding, together, as httpvet -fix applies
	// them: a fix that overlaps one taken is left for the next run.
	var taken []edit
	conflict := false
	for _, fd := range findings {
		if len(fd.diag.SuggestedFixes) == 0 {
			continue
		}
		edits, _, err := c.resolve(fd.diag.SuggestedFixes[0])
		if err != nil {
			continue
		}
		if conflicts(taken, edits) {
			conflict = true
			continue
		}
		for _, e := range edits {
			if !containsEdit(taken, e) {
				taken = append(taken, e)
			}
		}
	}
	if len(taken) == 0 {
		return
	}
	sortEdits(taken)
	fixed := apply(src, taken)
	if !checkFixed(t, w, name, src, fixed, typed, "every first fix") || !typed || conflict {
		return
	}
	// Fixes are idempotent: once every fix is applied, none is left.
	c2, err := w.check("example.com/fuzz", []source{{name, fixed}})
	if err != nil {
		return
	}
	again, problems := w.analyze(c2)
	for _, p := range problems {
		t.Errorf("after every first fix: %v", p)
	}
	for _, fd := range again {
		if len(fd.diag.SuggestedFixes) > 0 {
			t.Errorf("after every first fix, %s still suggests %q for %q at %s\nsource:\n%s\nfixed:\n%s",
				fd.analyzer.Name, fd.diag.SuggestedFixes[0].Message, fd.diag.Message, c2.fset.Position(fd.diag.Pos), src, fixed)
		}
	}
}

// checkFixed checks that fixed, the source after what, parses and, if the
// source type-checked, type-checks.
func checkFixed(t *testing.T, w *world, name string, src, fixed []byte, typed bool, what string) bool {
	t.Helper()
	c, err := w.check("example.com/fuzz", []source{{name, fixed}})
	if err != nil {
		t.Errorf("after %s, the file does not parse: %v\nsource:\n%s\nfixed:\n%s", what, err, src, fixed)
		return false
	}
	if typed && len(c.typeErrors) > 0 {
		t.Errorf("after %s, the file does not type-check: %v\nsource:\n%s\nfixed:\n%s", what, c.typeErrors[0], src, fixed)
		return false
	}
	return true
}

// conflicts reports whether any of edits overlaps a different edit taken,
// by httpvet -fix's rule: identical edits (an import two fixes add) do
// not conflict; two different insertions at one point do.
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

func containsEdit(edits []edit, e edit) bool {
	for _, x := range edits {
		if x == e {
			return true
		}
	}
	return false
}

// seeds adds every Go file of every testdata package of the module, in
// each mode that fits it.
func seeds(f *testing.F) {
	var roots []string
	for _, pattern := range []string{"../*/testdata/src", "../internal/*/testdata/src"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		roots = append(roots, m...)
	}
	if len(roots) < len(analyzers.Suite) {
		f.Fatalf("found %d testdata roots, want at least one per analyzer", len(roots))
	}
	n := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			text, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			var mode uint8
			if strings.HasSuffix(path, "_test.go") {
				mode |= modeTest
			}
			f.Add(text, mode)
			f.Add(text, mode|modeStrict)
			n++
			return nil
		})
		if err != nil {
			f.Fatal(err)
		}
	}
	if n == 0 {
		f.Fatal("no seeds")
	}
}
