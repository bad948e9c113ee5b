package main

import (
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// The tests use local fixtures only: the command itself needs the module
// proxy and is not run by go test.

func TestParseWants(t *testing.T) {
	src := []byte("package a\n\nfunc f() {\n" +
		"\tg() // want \"first\" `second`\n" +
		"\tg() // OK\n" +
		"\tg() // want fact:\"not a diagnostic\" \"third\"\n" +
		"\t// want \"on its own line\"\n" +
		"}\n\nfunc g() {}\n")
	got := parseWants(src)
	want := []want{{4, "first"}, {4, "second"}, {6, "third"}, {7, "on its own line"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("parseWants = %v, want %v", got, want)
	}
}

const samplesSrc = "package testutils\n\n" +
	"var SampleCodeG999 = []CodeSample{\n" +
	"\t{[]string{`\npackage main\n\nfunc main() {}\n`}, 1, gosec.NewConfig()},\n" +
	"\t{[]string{`\npackage main\n`, \"package main\\n\"}, 0, gosec.NewConfig()},\n" +
	"}\n"

func TestParseSamples(t *testing.T) {
	samples, err := parseSamples([]byte(samplesSrc), "SampleCodeG999")
	if err != nil {
		t.Fatal(err)
	}
	if len(samples) != 2 || samples[0].errors != 1 || samples[1].errors != 0 || len(samples[1].files) != 2 {
		t.Fatalf("parseSamples = %+v", samples)
	}
	// "func main() {}" is line 4 of the first sample's text and line 7 of
	// the samples file.
	if f := samples[0].files[0]; 4+f.lineOffset != 7 || !strings.Contains(f.src, "func main") {
		t.Errorf("first sample: offset %d, text %q", f.lineOffset, f.src)
	}
	if _, err := parseSamples([]byte(samplesSrc), "SampleCodeG000"); err == nil {
		t.Error("parseSamples of a missing variable: no error")
	}
}

func TestMigrateSuppressions(t *testing.T) {
	for _, tc := range []struct{ in, out string }{
		{"hs: &http.Server{ // #nosec G112 - Not publicly exposed", "hs: &http.Server{ //httpvet:ignore timeouts Not publicly exposed"},
		{"hs: &http.Server{ //gosec:disable G112 - Not publicly exposed", "hs: &http.Server{ //httpvet:ignore timeouts Not publicly exposed"},
		{"http.ListenAndServe(addr, nil) // #nosec G114", "http.ListenAndServe(addr, nil) //httpvet:ignore timeouts migrated from // #nosec G114"},
		{"x() // #nosec", "x() //httpvet:ignore all migrated from // #nosec"},
		{`resp, _ := http.Get("http://x") //nolint:errcheck,bodyclose // closed by the caller`, `resp, _ := http.Get("http://x") //httpvet:ignore bodyclose // closed by the caller`},
		{"req, _ := http.NewRequest(m, u, nil) //nolint:noctx signed, never sent", "req, _ := http.NewRequest(m, u, nil) //httpvet:ignore reqctx signed, never sent"},
		// A directive's name quoted inside another comment is not one.
		{"// In real code, use //nolint:bodyclose to suppress.", "// In real code, use //nolint:bodyclose to suppress."},
		{"x() //nolint:errcheck", "x() //nolint:errcheck"},
	} {
		src := "package a\n\nfunc f() {\n\t" + tc.in + "\n}\n"
		got, n := migrateSuppressions([]byte(src))
		want := "package a\n\nfunc f() {\n\t" + tc.out + "\n}\n"
		if string(got) != want || (n == 1) != (tc.in != tc.out) {
			t.Errorf("migrateSuppressions(%q) = %q (%d), want %q", tc.in, got, n, tc.out)
		}
	}
}

func TestRelated(t *testing.T) {
	src := parseSource([]byte(`package a

func f() {
	g := get
	g("x")
	resp, err := get("y")
	if err != nil {
		return
	}
	resp.close()
	other := get
	_ = other
	x := func() {
		resp.close()
	}
	_ = x
}

func get(string) (*r, error) { return nil, nil }

type r struct{}

func (*r) close() {}
`))
	for _, tc := range []struct {
		want, found int
		related     bool
	}{
		{5, 4, true},   // g("x") and g := get
		{6, 10, true},  // resp, err := … and resp.close()
		{6, 7, false},  // the error check: err is not the first variable
		{5, 11, false}, // another variable
		{6, 14, false}, // another function (a literal)
	} {
		if got := src.related(tc.want, tc.found); got != tc.related {
			t.Errorf("related(%d, %d) = %v, want %v", tc.want, tc.found, got, tc.related)
		}
	}
}

func TestSplitPosn(t *testing.T) {
	for _, tc := range []struct {
		posn string
		file string
		line int
	}{
		{"/tmp/x/src/a/a.go:13:2", "/tmp/x/src/a/a.go", 13},
		{"C:/b/b.go:7:1", "C:/b/b.go", 7},
		{"nowhere", "nowhere", 0},
	} {
		if file, line := splitPosn(tc.posn); file != tc.file || line != tc.line {
			t.Errorf("splitPosn(%q) = %q, %d", tc.posn, file, line)
		}
	}
}

func TestCompare(t *testing.T) {
	gopath := "/g"
	src := []byte("package a\n\nfunc f() {\n\tg() // want \"x\"\n\tg() // want \"y\"\n\tg()\n}\n\nfunc g() {}\n")
	pkgs := []pkg{{path: "a", analyze: true, files: []file{{name: "a.go", src: src, origin: "testdata/src/a/a.go", wants: parseWants(src)}}}}
	abs := filepath.Join(gopath, "src", "a", "a.go")
	findings := []finding{
		{analyzer: "bodyclose", file: abs, line: 4, message: "agrees"},
		{analyzer: "bodyclose", file: abs, line: 6, message: "extra"},
		{analyzer: "timeouts", file: abs, line: 5, message: "another analyzer's"},
	}
	got := compare(gopath, peer{analyzer: "bodyclose"}, pkgs, findings)
	if got.expected != 2 || got.agree != 1 || len(got.misses) != 1 || len(got.extras) != 1 ||
		got.misses[0].where != "testdata/src/a/a.go:5" || got.extras[0].text != "extra" {
		t.Errorf("compare = %+v", got)
	}

	counted := []pkg{{path: "sample01", analyze: true, counted: true, count: 1,
		files: []file{{name: "file1.go", src: []byte("package main\n"), origin: "testutils/g112_samples.go", lineOffset: 10}}}}
	abs = filepath.Join(gopath, "src", "sample01", "file1.go")
	findings = []finding{
		{analyzer: "timeouts", file: abs, line: 1, message: "http.Server without IdleTimeout or ReadTimeout: idle (not ReadHeaderTimeout)"},
	}
	got = compare(gopath, peer{analyzer: "timeouts", concern: missesHeaderTimeout}, counted, findings)
	if got.expected != 1 || got.agree != 0 || len(got.misses) != 1 || len(got.extras) != 1 {
		t.Errorf("compare counted = %+v", got)
	}
	findings[0].message = "http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout: Slowloris"
	got = compare(gopath, peer{analyzer: "timeouts", concern: missesHeaderTimeout}, counted, findings)
	if got.agree != 1 || len(got.misses)+len(got.extras) != 0 {
		t.Errorf("compare counted = %+v", got)
	}
}

func TestStrictFlags(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell scripts")
	}
	dir := t.TempDir()
	for _, tc := range []struct {
		help string
		want []string
	}{
		{"Flags:\n\t-strict          report what the contract says, not only what costs\n\t-json  print JSON\n", []string{"-strict"}},
		{"Flags:\n\t-json  print JSON\n\t-NAME.strict  not the suite's flag\n", strictFlags(filepath.Join(dir, "missing"))},
	} {
		bin := filepath.Join(dir, "httpvet")
		script := "#!/bin/sh\ncat <<'EOF'\n" + tc.help + "EOF\n"
		if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		if got := strictFlags(bin); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("strictFlags with help %q = %v, want %v", tc.help, got, tc.want)
		}
	}
	if got := strictFlags(filepath.Join(dir, "missing")); !strings.Contains(strings.Join(got, " "), "-reqctx.all=true") {
		t.Errorf("strictFlags without -strict = %v", got)
	}
}
