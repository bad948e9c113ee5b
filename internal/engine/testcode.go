package engine

import (
	"go/token"
	"strconv"
	"strings"
)

// Test code, the one definition every analyzer and every -tests flag
// uses: code that only go test runs, so that whatever it holds open or
// waits for is bounded by the test binary's life and -timeout. It is
//
//   - a _test.go file: what go test adds to a package;
//   - a file that imports "testing" or "net/http/httptest": its functions
//     take a *testing.T, B or F, or build in-process test servers and
//     recorders, and only tests call them;
//   - a package that exists to serve tests, by Go's naming convention:
//     named for a package it imports followed by "test" (httptest serves
//     http, iotest io, fstest fs), or named test, testutil, testhelpers…
//     (a name beginning with "test").
//
// A name alone decides nothing: `package latest` imports no package named
// "la" and does not begin with "test", so it is ordinary code.
type testCode struct {
	pkg   bool                 // the whole package serves tests
	files map[*token.File]bool // files that import testing or httptest
}

// InTestCode reports whether pos lies in test code (see testCode).
func (idx *Index) InTestCode(pos token.Pos) bool {
	idx.testOnce.Do(idx.computeTestCode)
	if idx.test.pkg {
		return true
	}
	f := idx.fset.File(pos)
	if f == nil {
		return false
	}
	return strings.HasSuffix(f.Name(), "_test.go") || idx.test.files[f]
}

func (idx *Index) computeTestCode() {
	t := &idx.test
	t.files = make(map[*token.File]bool)
	for _, f := range idx.files {
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			if path == "testing" || path == "net/http/httptest" {
				t.files[idx.fset.File(f.FileStart)] = true
			}
		}
	}
	if idx.pkg == nil {
		return
	}
	name := idx.pkg.Name()
	if served, ok := strings.CutSuffix(name, "test"); ok && served != "" {
		for _, imp := range idx.pkg.Imports() {
			if imp.Name() == served {
				t.pkg = true
				return
			}
		}
	}
	t.pkg = strings.HasPrefix(name, "test")
}
