package integration

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/httpvet/httpvet/analyzers"
)

// probeImport is the test-only plugin linked into the golangci-lint built
// for these tests (see testdata/flagprobe).
const probeImport = "github.com/httpvet/httpvet/integration/testdata/flagprobe"

var (
	buildOnce sync.Once
	buildDir  string
	buildErr  error
)

// binary returns the path of the golangci-lint or gopls under test,
// building both with build.sh when the environment does not name them.
func binary(t *testing.T, name string) string {
	t.Helper()
	if os.Getenv("HTTPVET_INTEGRATION") != "1" {
		t.Skip("integration test: set HTTPVET_INTEGRATION=1 to run it")
	}
	env := map[string]string{"golangci-lint": "HTTPVET_GOLANGCI_LINT", "gopls": "HTTPVET_GOPLS"}[name]
	if p := os.Getenv(env); p != "" {
		return p
	}
	buildOnce.Do(func() {
		buildDir = filepath.Join(os.TempDir(), "httpvet-integration", "bin")
		cmd := exec.Command("bash", "build.sh", "all", buildDir)
		cmd.Env = append(os.Environ(), "HTTPVET_GOLANGCI_EXTRA="+probeImport)
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("build.sh: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return filepath.Join(buildDir, name)
}

func inSuite(name string) bool {
	for _, a := range analyzers.Suite {
		if a.Name == name {
			return true
		}
	}
	return false
}

// fixture returns a writable copy of testdata/fixture.
func fixture(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/fixture")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func goBuild(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("go", "build", "-o", os.DevNull, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("fixed fixture does not build: %v\n%s", err, out)
	}
}

// ---- golangci-lint

type issue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

func (i issue) String() string {
	return fmt.Sprintf("%s:%d:%d: %s (%s)", i.Pos.Filename, i.Pos.Line, i.Pos.Column, i.Text, i.FromLinter)
}

// httpvetConfig is a .golangci.yml running the httpvet plugin with the given
// plugin settings (YAML, indented by 10 spaces), and the flag probe.
func httpvetConfig(settings string) string {
	if settings == "" {
		settings = "          {}\n"
	}
	return `version: "2"
linters:
  default: none
  enable:
    - httpvet
  settings:
    custom:
      httpvet:
        type: module
        settings:
` + settings + `issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`
}

// golangciLint runs golangci-lint run in dir, with config as .golangci.yml
// when not empty, and returns the issues.
func golangciLint(t *testing.T, dir, config string, args ...string) []issue {
	t.Helper()
	bin := binary(t, "golangci-lint")
	if config != "" {
		if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	args = append([]string{"run", "--output.json.path=stdout", "--output.text.path=stderr"}, args...)
	args = append(args, "./...")
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	// A fresh cache: golangci-lint's cache must not hide a settings change.
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir())
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		t.Fatalf("golangci-lint %s: %v\n%s\n%s", strings.Join(args, " "), err, stdout.Bytes(), stderr.Bytes())
	}
	var report struct{ Issues []issue }
	if err := json.NewDecoder(&stdout).Decode(&report); err != nil {
		t.Fatalf("golangci-lint output: %v\n%s", err, stdout.Bytes())
	}
	for _, i := range report.Issues {
		t.Logf("golangci-lint: %s", i)
	}
	return report.Issues
}

// want is an expected diagnostic: file:line:col and a text prefix.
type want struct {
	file         string
	line, column int
	text         string
}

var (
	wantGetbodyGET  = want{"main.go", 12, 9, "getbody: GET request built by http.NewRequest carries a body"}
	wantGetbodyHEAD = want{"main.go", 20, 2, "getbody: setting Body on a HEAD request"}
	wantDeadline    = want{"dial.go", 17, 4, "deadlineconn: SetDeadline sets an absolute deadline"}
)

func hasIssue(issues []issue, linter string, w want) bool {
	for _, i := range issues {
		if i.FromLinter == linter && i.Pos.Filename == w.file && i.Pos.Line == w.line &&
			i.Pos.Column == w.column && strings.HasPrefix(i.Text, w.text) {
			return true
		}
	}
	return false
}

func TestGolangciLintDiagnostics(t *testing.T) {
	dir := fixture(t)
	issues := golangciLint(t, dir, "") // the fixture's own .golangci.yml
	wants := []want{wantGetbodyGET, wantGetbodyHEAD}
	if inSuite("deadlineconn") {
		wants = append(wants, wantDeadline)
	}
	for _, w := range wants {
		if !hasIssue(issues, "httpvet", w) {
			t.Errorf("missing %s:%d:%d: %s (httpvet)", w.file, w.line, w.column, w.text)
		}
	}
	for _, i := range issues {
		name, _, _ := strings.Cut(i.Text, ": ")
		if i.FromLinter != "httpvet" || !inSuite(name) {
			t.Errorf("issue not from an httpvet analyzer: %s", i)
		}
	}
}

func TestGolangciLintDisable(t *testing.T) {
	dir := fixture(t)
	issues := golangciLint(t, dir, httpvetConfig("          disable: [GetBody]\n"))
	for _, i := range issues {
		if strings.HasPrefix(i.Text, "getbody:") {
			t.Errorf("disabled analyzer reported: %s", i)
		}
	}
	if inSuite("deadlineconn") && !hasIssue(issues, "httpvet", wantDeadline) {
		t.Errorf("deadlineconn, not disabled, is silent")
	}

	issues = golangciLint(t, dir, httpvetConfig("          enable: [getbody]\n"))
	if len(issues) != 2 || !hasIssue(issues, "httpvet", wantGetbodyGET) || !hasIssue(issues, "httpvet", wantGetbodyHEAD) {
		t.Errorf("enable: [getbody]: got %v, want the two getbody issues only", issues)
	}
}

// TestGolangciLintSettings checks that a setting reaches an analyzer flag in
// a real golangci-lint run, with the test-only flagprobe plugin (built
// through golangci.NewFor like httpvet's), and that every flag of the suite
// is accepted as a setting.
func TestGolangciLintSettings(t *testing.T) {
	dir := fixture(t)
	probe := func(settings string) []issue {
		return golangciLint(t, dir, `version: "2"
linters:
  default: none
  enable:
    - httpvetflagprobe
  settings:
    custom:
      httpvetflagprobe:
        type: module
        settings:
`+settings)
	}
	if issues := probe("          {}\n"); len(issues) != 0 {
		t.Errorf("flagprobe with its default func-name reported %v", issues)
	}
	// golangci-lint lower-cases keys; the plugin maps '_' to '-'.
	issues := probe("          settings:\n            FlagProbe:\n              FUNC_NAME: search\n")
	w := want{"main.go", 11, 6, "flagprobe: function search matches func-name"}
	if len(issues) != 1 || !hasIssue(issues, "httpvetflagprobe", w) {
		t.Errorf("func-name: search: got %v, want %s:%d:%d: %s", issues, w.file, w.line, w.column, w.text)
	}

	// A real flag, where the suite has it: getbody's -tests reports in
	// _test.go files.
	if hasFlag("getbody", "tests") {
		const src = `package main

import (
	"net/http"
	"strings"
	"testing"
)

func TestGetWithBody(t *testing.T) {
	http.NewRequest("GET", "http://localhost/", strings.NewReader("x"))
}
`
		if err := os.WriteFile(filepath.Join(dir, "extra_test.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		w := want{"extra_test.go", 10, 2, "getbody: GET request built by http.NewRequest carries a body"}
		if issues := golangciLint(t, dir, httpvetConfig("")); hasIssue(issues, "httpvet", w) {
			t.Errorf("getbody reported a _test.go file by default")
		}
		issues := golangciLint(t, dir, httpvetConfig("          settings:\n            getbody:\n              tests: true\n"))
		if !hasIssue(issues, "httpvet", w) {
			t.Errorf("getbody tests: true: missing %s:%d:%d: %s", w.file, w.line, w.column, w.text)
		}
		if err := os.Remove(filepath.Join(dir, "extra_test.go")); err != nil {
			t.Fatal(err)
		}
	} else {
		t.Logf("getbody has no -tests flag: checked a setting with flagprobe only")
	}

	// Every flag of the suite, set to its current value.
	var b strings.Builder
	n := 0
	for _, a := range analyzers.Suite {
		first := true
		a.Flags.VisitAll(func(f *flag.Flag) {
			if first {
				fmt.Fprintf(&b, "            %s:\n", a.Name)
				first = false
			}
			fmt.Fprintf(&b, "              %s: %s\n", f.Name, strconv.Quote(f.Value.String()))
			n++
		})
	}
	if n == 0 {
		t.Logf("no analyzer of the suite has flags")
		return
	}
	issues = golangciLint(t, dir, httpvetConfig("          settings:\n"+b.String()))
	if !hasIssue(issues, "httpvet", wantGetbodyGET) {
		t.Errorf("with every flag set to its default, getbody is missing: %v", issues)
	}
}

func TestGolangciLintFix(t *testing.T) {
	dir := fixture(t)
	// Only the analyzers whose fixes the golden files show.
	enable := "getbody"
	dialGolden := "testdata/fixture/dial.go"
	if inSuite("deadlineconn") {
		enable += ", deadlineconn"
		dialGolden = "testdata/fixed/dial.go.golden"
	}
	config := httpvetConfig("          enable: [" + enable + "]\n")
	golangciLint(t, dir, config, "--fix")
	// getbody's two fixes of a GET or HEAD with a body (send it as POST,
	// or drop the data) are alternatives that change what the program
	// does: --fix applies neither, and main.go is left as it was.
	for file, golden := range map[string]string{
		"main.go": "testdata/fixture/main.go",
		"dial.go": dialGolden,
	} {
		if got, want := readFile(t, filepath.Join(dir, file)), readFile(t, golden); got != want {
			t.Errorf("%s after --fix:\n%s\nwant (%s):\n%s", file, got, golden, want)
		}
	}
	goBuild(t, dir)
	issues := golangciLint(t, dir, config)
	if len(issues) != 2 {
		t.Errorf("issues left after --fix: %v, want getbody's two, left to the author", issues)
	}
	for _, issue := range issues {
		if !strings.HasPrefix(issue.Text, "getbody:") {
			t.Errorf("issue left after --fix: %s, want getbody's only", issue)
		}
	}
}

// ---- gopls

func gopls(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary(t, "gopls"), args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("gopls %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	t.Logf("gopls %s:\n%s", strings.Join(args, " "), out)
	return string(out)
}

func TestGoplsCheck(t *testing.T) {
	dir := fixture(t)
	out := gopls(t, dir, "check", "main.go", "dial.go")
	wants := []string{
		"main.go:12:9-60: GET request built by http.NewRequest carries a body",
		"main.go:20:2-49: setting Body on a HEAD request",
	}
	if inSuite("deadlineconn") {
		wants = append(wants, "dial.go:17:4-54: SetDeadline sets an absolute deadline")
	}
	for _, w := range wants {
		if !strings.Contains(out, string(filepath.Separator)+w) {
			t.Errorf("gopls check: missing %q", w)
		}
	}
}

func TestGoplsQuickFix(t *testing.T) {
	dir := fixture(t)
	const rng = "main.go:12:9-12:60"
	out := gopls(t, dir, "codeaction", "-kind=quickfix", rng)
	for _, w := range []string{
		`"Use http.MethodPost: the request becomes a POST" [quickfix]`,
		`"Send no body (http.NoBody): its data is no longer sent" [quickfix]`,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("gopls codeaction: missing %s", w)
		}
	}
	// Apply the second alternative, chosen by title.
	gopls(t, dir, "codeaction", "-kind=quickfix", "-title=^Send no body", "-exec", "-write", rng)
	orig := readFile(t, "testdata/fixture/main.go")
	want := strings.Replace(orig, `http.NewRequest("GET", u, strings.NewReader("q=1"))`, `http.NewRequest("GET", u, http.NoBody)`, 1)
	if got := readFile(t, filepath.Join(dir, "main.go")); got != want {
		t.Errorf("main.go after the quick fix:\n%s\nwant:\n%s", got, want)
	}
	goBuild(t, dir)
}

// TestGoplsSettings drives gopls over LSP, since the gopls command line has
// no way to pass settings: with "analyses": {"getbody": false} getbody is
// silent, while a built-in analyzer (printf) still reports.
func TestGoplsSettings(t *testing.T) {
	bin := binary(t, "gopls")
	dir := fixture(t)
	printf := "fmt.Printf format %d has arg"
	for _, tc := range []struct {
		settings    map[string]any
		wantGetbody bool
	}{
		{map[string]any{}, true},
		{map[string]any{"analyses": map[string]any{"getbody": false}}, false},
	} {
		diags, err := lspDiagnostics(bin, dir, "main.go", tc.settings, printf)
		if err != nil {
			t.Fatalf("settings %v: %v", tc.settings, err)
		}
		got, at12 := false, false
		for _, d := range diags {
			t.Logf("settings %v: %d:%d %s: %s", tc.settings, d.Range.Start.Line+1, d.Range.Start.Character+1, d.Source, d.Message)
			if d.Source == "getbody" {
				got = true
				at12 = at12 || d.Range.Start.Line == 11 && d.Range.Start.Character == 8 &&
					strings.HasPrefix(d.Message, "GET request built by http.NewRequest carries a body")
			}
		}
		if got != tc.wantGetbody || got && !at12 {
			t.Errorf("settings %v: getbody diagnostics: %v (one at 12:9: %v), want %v", tc.settings, got, at12, tc.wantGetbody)
		}
	}
}

func hasFlag(analyzer, name string) bool {
	for _, a := range analyzers.Suite {
		if a.Name == analyzer && a.Flags.Lookup(name) != nil {
			return true
		}
	}
	return false
}

// ---- strict mode in the editor and in golangci-lint

// noContext is reqctx's contract finding on the fixture's search: a
// request built without a context where none is in scope, reported in
// strict mode only.
const noContext = "http.NewRequest builds a request without a context"

// TestGoplsStrict: HTTPVET_STRICT=1 in gopls's environment is -strict (the
// gopls command line and LSP settings have no analyzer flags).
func TestGoplsStrict(t *testing.T) {
	bin := binary(t, "gopls")
	dir := fixture(t)
	for _, strict := range []bool{false, true} {
		cmd := exec.Command(bin, "check", "main.go")
		cmd.Dir = dir
		// A cache of its own for each mode: gopls keys its cached analysis
		// results by the code and the analyzers, not by the environment
		// that sets the mode, and would answer the strict check with the
		// default one's findings.
		cmd.Env = append(os.Environ(), "HTTPVET_STRICT="+strconv.FormatBool(strict), "GOPLSCACHE="+t.TempDir())
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("gopls check (HTTPVET_STRICT=%t): %v\n%s", strict, err, out)
		}
		if got := strings.Contains(string(out), noContext); got != strict {
			t.Errorf("gopls check with HTTPVET_STRICT=%t: %q reported %t, want %t:\n%s", strict, noContext, got, strict, out)
		}
	}
}

// TestGolangciLintStrict: the plugin setting strict: true reports the
// contract findings, marked as such.
func TestGolangciLintStrict(t *testing.T) {
	dir := fixture(t)
	for _, strict := range []bool{false, true} {
		settings := ""
		if strict {
			settings = "          strict: true\n"
		}
		found, marked := false, false
		for _, is := range golangciLint(t, dir, httpvetConfig(settings)) {
			if strings.Contains(is.Text, noContext) {
				found = true
				marked = strings.Contains(is.Text, "[contract]")
			}
		}
		if found != strict || found && !marked {
			t.Errorf("strict: %t: %q reported %t (marked [contract]: %t), want %t", strict, noContext, found, marked, strict)
		}
	}
}
