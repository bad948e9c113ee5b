package main

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// A peer is one linter's own test suite that httpvet is measured against.
type peer struct {
	name     string // the table's row
	module   string // module path on the Go module proxy
	version  string // pinned
	analyzer string // the httpvet analyzer whose findings are compared
	// concern, if set, tells which of the analyzer's findings are about
	// what the peer checks; the others are extras.
	concern func(message string) bool
	// load reads the test inputs out of the module's directory.
	load func(moduleDir string) ([]pkg, error)
}

// A pkg is one package of a peer's test inputs, written to GOPATH/src/path
// and analyzed in GOPATH mode, as analysistest does.
type pkg struct {
	path    string // import path under the GOPATH
	files   []file
	analyze bool // false: only a dependency of another package
	// counted: the peer expects a number of diagnostics for the whole
	// package, not one at each marked line (gosec's samples).
	counted bool
	count   int
}

// A file is one Go file of a pkg.
type file struct {
	name       string // base name under the package directory
	src        []byte
	origin     string // where it comes from, relative to the peer's module
	lineOffset int    // line in origin = line in src + lineOffset
	wants      []want // the expected diagnostics in httpvet's scope
	outOfScope int    // expected diagnostics about other APIs than net/http
	migrated   int    // suppression comments rewritten (migrateSuppressions)
}

// peers pins the suites measured. Their versions are the newest on the
// module proxy when the table was made; a new version is a new row of
// numbers, not a silent change.
var peers = []peer{
	{
		name:     "timakin/bodyclose",
		module:   "github.com/timakin/bodyclose",
		version:  "v0.0.0-20260723120731-857993a2939c",
		analyzer: "bodyclose",
		// bodyclose_test.go runs "a"; consumption_test.go runs
		// "consumption" with -check-consumption. "handledresponse" is a
		// dependency of "a".
		load: analysistestPackages("passes/bodyclose/testdata/src", []string{"a", "consumption"}, everyAPI),
	},
	{
		name:     "sonatard/noctx",
		module:   "github.com/sonatard/noctx",
		version:  "v0.5.1",
		analyzer: "reqctx",
		load: analysistestPackages("testdata/src",
			[]string{"crypto_tls", "exec_cmd", "http_client", "http_request", "httptest_request", "network", "sql"}, netHTTPOnly),
	},
	{
		name:     "golangci-lint's bodyclose tests",
		module:   "github.com/golangci/golangci-lint/v2",
		version:  "v2.15.0",
		analyzer: "bodyclose",
		load:     golangciPackages("pkg/golinters/bodyclose/testdata", everyAPI),
	},
	{
		name:     "golangci-lint's noctx tests",
		module:   "github.com/golangci/golangci-lint/v2",
		version:  "v2.15.0",
		analyzer: "reqctx",
		load:     golangciPackages("pkg/golinters/noctx/testdata", netHTTPOnly),
	},
	{
		name:     "gosec G112",
		module:   "github.com/securego/gosec/v2",
		version:  "v2.30.0",
		analyzer: "timeouts",
		concern:  missesHeaderTimeout,
		load:     gosecPackages("testutils/g112_samples.go", "SampleCodeG112"),
	},
	{
		name:     "gosec G114",
		module:   "github.com/securego/gosec/v2",
		version:  "v2.30.0",
		analyzer: "timeouts",
		load:     gosecPackages("testutils/g114_samples.go", "SampleCodeG114"),
	},
}

// everyAPI keeps every expectation: bodyclose's domain is httpvet's.
func everyAPI(string) bool { return true }

// netHTTPOnly keeps noctx's expectations about net/http: its messages
// name the API (`net/http\.Get must not be called`); the rest are about
// database/sql, net, crypto/tls and os/exec, which httpvet does not check.
func netHTTPOnly(pattern string) bool { return strings.Contains(pattern, "net/http") }

// missesHeaderTimeout tells a timeouts finding about a server without a
// header timeout (Slowloris, G112's concern) from one about its idle
// timeout: the message lists what the server is without, up to the colon.
func missesHeaderTimeout(message string) bool {
	without, _, _ := strings.Cut(message, ":")
	return strings.Contains(without, "without") && strings.Contains(without, "ReadHeaderTimeout")
}

// analysistestPackages loads a GOPATH-style analysistest tree: every
// package under srcDir is written (the analyzed ones import others), the
// named ones are analyzed.
func analysistestPackages(srcDir string, analyzed []string, inScope func(string) bool) func(string) ([]pkg, error) {
	return func(moduleDir string) ([]pkg, error) {
		root := filepath.Join(moduleDir, filepath.FromSlash(srcDir))
		byPath := map[string]*pkg{}
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			dir := filepath.ToSlash(filepath.Dir(rel))
			f, err := readFile(p, path.Join(srcDir, filepath.ToSlash(rel)), inScope)
			if err != nil {
				return err
			}
			if byPath[dir] == nil {
				byPath[dir] = &pkg{path: dir}
			}
			byPath[dir].files = append(byPath[dir].files, f)
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, name := range analyzed {
			if byPath[name] == nil {
				return nil, fmt.Errorf("%s: no package %s", srcDir, name)
			}
			byPath[name].analyze = true
		}
		return sortedPackages(byPath), nil
	}
}

// golangciPackages loads golangci-lint's linter tests: each file of dir is
// a package of its own (golangci-lint runs them one by one).
func golangciPackages(dir string, inScope func(string) bool) func(string) ([]pkg, error) {
	return func(moduleDir string) ([]pkg, error) {
		matches, err := filepath.Glob(filepath.Join(moduleDir, filepath.FromSlash(dir), "*.go"))
		if err != nil {
			return nil, err
		}
		var pkgs []pkg
		for _, m := range matches {
			base := filepath.Base(m)
			f, err := readFile(m, path.Join(dir, base), inScope)
			if err != nil {
				return nil, err
			}
			pkgs = append(pkgs, pkg{path: strings.TrimSuffix(base, ".go"), files: []file{f}, analyze: true})
		}
		return pkgs, nil
	}
}

// gosecPackages loads gosec's samples of one rule: each sample is a
// package whose files are held in string literals of samplesFile.
func gosecPackages(samplesFile, variable string) func(string) ([]pkg, error) {
	return func(moduleDir string) ([]pkg, error) {
		src, err := os.ReadFile(filepath.Join(moduleDir, filepath.FromSlash(samplesFile)))
		if err != nil {
			return nil, err
		}
		samples, err := parseSamples(src, variable)
		if err != nil {
			return nil, err
		}
		var pkgs []pkg
		for i, s := range samples {
			p := pkg{path: fmt.Sprintf("sample%02d", i+1), analyze: true, counted: true, count: s.errors}
			for j, sf := range s.files {
				f := file{name: fmt.Sprintf("file%d.go", j+1), origin: samplesFile, lineOffset: sf.lineOffset}
				f.src, f.migrated = migrateSuppressions([]byte(sf.src))
				p.files = append(p.files, f)
			}
			pkgs = append(pkgs, p)
		}
		return pkgs, nil
	}
}

// readFile reads a Go file of a peer's tests and its expectations.
func readFile(p, origin string, inScope func(string) bool) (file, error) {
	src, err := os.ReadFile(p)
	if err != nil {
		return file{}, err
	}
	f := file{name: filepath.Base(p), origin: origin}
	f.src, f.migrated = migrateSuppressions(src)
	for _, w := range parseWants(src) {
		if inScope(w.pattern) {
			f.wants = append(f.wants, w)
		} else {
			f.outOfScope++
		}
	}
	return f, nil
}

func sortedPackages(byPath map[string]*pkg) []pkg {
	var pkgs []pkg
	for _, p := range byPath {
		sort.Slice(p.files, func(i, j int) bool { return p.files[i].name < p.files[j].name })
		pkgs = append(pkgs, *p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].path < pkgs[j].path })
	return pkgs
}
