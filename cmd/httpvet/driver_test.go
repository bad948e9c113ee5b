package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Exit statuses of the standalone driver, as httpvet help and the README
// document them.
func TestExitStatus(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	broken := copyDir(t, "testdata/broken")

	t.Run("type error", func(t *testing.T) {
		t.Parallel()
		out, code := run(t, broken, bin, "./typeerr")
		if code != 1 {
			t.Errorf("exit %d on a type error, want 1:\n%s", code, out)
		}
		if !strings.Contains(out, "typeerr.go:12:14: cannot use") {
			t.Errorf("the type error is not printed:\n%s", out)
		}
		if strings.Contains(out, "GET request") {
			t.Errorf("a finding on code that did not type-check is printed:\n%s", out)
		}
	})

	t.Run("syntax error", func(t *testing.T) {
		t.Parallel()
		out, code := run(t, broken, bin, "./syntax")
		if code != 1 || strings.Contains(out, "GET request") || !strings.Contains(out, "syntax.go:") {
			t.Errorf("exit %d on a syntax error, want 1 with the error and no finding:\n%s", code, out)
		}
	})

	t.Run("errors win", func(t *testing.T) {
		t.Parallel()
		// The fixture's finding and a broken package: exit 1, and the
		// finding of the package that type-checks is still printed.
		dir := fixture(t)
		if err := os.CopyFS(filepath.Join(dir, "typeerr"), os.DirFS(filepath.Join(broken, "typeerr"))); err != nil {
			t.Fatal(err)
		}
		out, code := run(t, dir, bin, "./...")
		if code != 1 || !strings.Contains(out, "main.go:11:14: GET request") || strings.Contains(out, "typeerr.go:11") {
			t.Errorf("exit %d, want 1 with the fixture's finding only:\n%s", code, out)
		}
	})

	t.Run("json errors", func(t *testing.T) {
		t.Parallel()
		if out, code := run(t, broken, bin, "-json", "./typeerr"); code != 1 {
			t.Errorf("-json: exit %d on a type error, want 1:\n%s", code, out)
		}
	})

	t.Run("no findings", func(t *testing.T) {
		t.Parallel()
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "go.mod"), "module clean\n\ngo 1.25\n")
		writeFile(t, filepath.Join(dir, "clean.go"), "package clean\n\nfunc F() {}\n")
		if out, code := run(t, dir, bin, "./..."); code != 0 || out != "" {
			t.Errorf("exit %d on a clean package, want 0 and no output:\n%s", code, out)
		}
	})

	for _, args := range [][]string{
		{"-nosuchflag", "./..."},
		{"-timeouts.client-timeout=notaduration", "./..."},
		{"-format=xml", "./..."},
		{},
	} {
		t.Run("usage "+strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			out, code := run(t, fixture(t), bin, args...)
			if code != 2 {
				t.Errorf("exit %d, want 2:\n%s", code, out)
			}
			if n := strings.Count(out, "\n"); n > 2 {
				t.Errorf("%d lines, want the error and a pointer to help:\n%s", n, out)
			}
		})
	}
}

// -fix prints the findings it could not fix and exits 3 while any remain.
func TestFixLeftovers(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	dir := copyDir(t, "../../testdata/demo")
	writeFile(t, filepath.Join(dir, "go.mod"), "module demo\n\ngo 1.25\n")
	out, code := run(t, dir, bin, "-fix", ".")
	if code != 3 {
		t.Errorf("-fix with findings left: exit %d, want 3:\n%s", code, out)
	}
	// The demo's leak in bodycloseDemoFetch has no fix (the function
	// does more with the response), nor has net.Dialer.Deadline.
	for _, want := range []string{"bodyclose.go:13:15: response body of demoClient.Get is not closed", "net.Dialer.Deadline is absolute"} {
		if !strings.Contains(out, want) {
			t.Errorf("-fix does not print what it left, %q:\n%s", want, out)
		}
	}
	// The search body is data: sending it as POST and dropping it are
	// alternatives for the author, and -fix applies neither.
	if !strings.Contains(out, "getbody.go:13:14: GET request built by http.NewRequest carries a body") || !strings.Contains(out, "alternatives") {
		t.Errorf("-fix does not leave the GET with a body to its author:\n%s", out)
	}
	if orig, _ := os.ReadFile("../../testdata/demo/getbody.go"); string(orig) != readFile(t, filepath.Join(dir, "getbody.go")) {
		t.Errorf("-fix changed getbody.go")
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("fixed demo does not build:\n%s", out)
	}
	after, code := run(t, dir, bin, ".")
	// -fix says why it left a finding it could have fixed.
	left := strings.ReplaceAll(out, ": its fixes are alternatives that each change what the program does: choose one in your editor, or fix it by hand", "")
	if code != 3 || after != left {
		t.Errorf("after -fix, httpvet reports (exit %d):\n%s\nwant what -fix said it left:\n%s", code, after, out)
	}
	// The deadline call the fix deleted was above it: the Dialer moved up.
	if !strings.Contains(out, "deadlineconn.go:29:19: net.Dialer.Deadline") {
		t.Errorf("-fix prints net.Dialer.Deadline's finding where it was before the fixes:\n%s", out)
	}

	// -fix -diff changes nothing and says the same.
	diffDir := copyDir(t, "../../testdata/demo")
	writeFile(t, filepath.Join(diffDir, "go.mod"), "module demo\n\ngo 1.25\n")
	diff, code := run(t, diffDir, bin, "-fix", "-diff", ".")
	if code != 3 || strings.Contains(diff, "getbody.go (new)") || !strings.Contains(diff, "@@ -") {
		t.Errorf("-fix -diff: exit %d, output:\n%s", code, diff)
	}
	if orig, _ := os.ReadFile("../../testdata/demo/getbody.go"); string(orig) != readFile(t, filepath.Join(diffDir, "getbody.go")) {
		t.Errorf("-fix -diff changed getbody.go")
	}
}

// Under go vet, a bad analyzer flag value is one line, once, without the
// usage of every flag, though go vet runs the tool on every package.
func TestVetBadFlag(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	out, code := run(t, fixture(t), "go", "vet", "-vettool="+bin, "-timeouts.client-timeout=notaduration", "./...")
	if code == 0 {
		t.Errorf("go vet exited 0 with a bad flag value")
	}
	want := `httpvet: invalid value "notaduration" for flag -timeouts.client-timeout: not a duration: "notaduration" (want e.g. 30s, 2m, 1500ms)`
	if n := strings.Count(out, want); n != 1 {
		t.Errorf("output has %d times, want once, %q:\n%s", n, want, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line != want && !strings.HasPrefix(line, "# ") {
			t.Errorf("unexpected line %q in:\n%s", line, out)
			break
		}
	}
}

// A directive naming an unknown analyzer is reported, naming the known ones.
func TestUnknownDirectiveName(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	dir := copyDir(t, "testdata/directive")
	for _, args := range [][]string{{bin, "./..."}, {"go", "vet", "-vettool=" + bin, "./..."}} {
		out, _ := run(t, dir, args[0], args[1:]...)
		want := `main.go:10:2: httpvet:ignore directive names unknown analyzer "getbdy": use bodyclose, deadlineconn, getbody, nilbody, reqctx, retrybody, timeouts or all`
		if strings.Count(out, want) != 1 {
			t.Errorf("%s: want once %q:\n%s", args[0], want, out)
		}
		if !strings.Contains(out, "main.go:11:2: GET request") {
			t.Errorf("%s: a misspelt directive suppresses the finding:\n%s", args[0], out)
		}
	}
}

// Files that import "C" get findings, standalone and under go vet, at
// their own positions.
func TestCgo(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	if out, _ := exec.Command("go", "env", "CGO_ENABLED").Output(); strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is off (go env CGO_ENABLED)")
	}
	cc, _ := exec.Command("go", "env", "CC").Output()
	if _, err := exec.LookPath(strings.Fields(string(cc) + " gcc")[0]); err != nil {
		t.Skipf("no C compiler: %v", err)
	}
	want := "main.go:11:10: http.Server without ReadHeaderTimeout"
	// Both read the one copy: cgo runs once for them.
	readOnly := copyDir(t, "testdata/cgo")
	for _, args := range [][]string{{bin, "./..."}, {"go", "vet", "-vettool=" + bin, "./..."}} {
		out, code := run(t, readOnly, args[0], args[1:]...)
		if code == 0 || !strings.Contains(out, want) {
			t.Errorf("%s: exit %d, want the finding %q:\n%s", args[0], code, want, out)
		}
	}

	// go vet gives the fix's offsets in cgo's rewritten copy of main.go:
	// -fix leaves main.go alone and says why.
	dir := copyDir(t, "testdata/cgo")
	out, code := run(t, dir, bin, "-fix", "./...")
	if code != 3 || !strings.Contains(out, want) || !strings.Contains(out, ": its fix is not in the file as written") {
		t.Errorf("-fix: exit %d, want 3 and the finding left unfixed:\n%s", code, out)
	}
	if readFile(t, filepath.Join(dir, "main.go")) != readFile(t, "testdata/cgo/main.go") {
		t.Errorf("-fix changed main.go, which imports \"C\"")
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	out, code := run(t, ".", bin, "help")
	if code != 0 {
		t.Errorf("help: exit %d", code)
	}
	for _, want := range []string{
		"bodyclose", "deadlineconn", "getbody", "nilbody", "reqctx", "retrybody", "timeouts",
		"go vet -vettool=$(which httpvet) ./...", "go tool httpvet ./...",
		"-fix", "-sarif", "-json", "//httpvet:ignore", "Exit status", "3  findings",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "printf") || strings.Contains(out, "-bodyclose.drain") {
		t.Errorf("help is the generic x/tools text or lists every analyzer flag:\n%s", out)
	}

	// The README documents every flag httpvet help lists.
	readme := readFile(t, "../../README.md")
	for _, m := range regexp.MustCompile(`(?m)^\t(-[a-z]+)[= ]`).FindAllStringSubmatch(out, -1) {
		if !strings.Contains(readme, "`"+m[1]) {
			t.Errorf("README does not document %s", m[1])
		}
	}

	out, code = run(t, ".", bin, "help", "bodyclose")
	if code != 0 || strings.Count(out, "bodyclose: report") != 1 || strings.Contains(out, "bodyclose: bodyclose") {
		t.Errorf("help bodyclose: exit %d, want the doc once:\n%s", code, out)
	}
	for _, want := range []string{"-bodyclose.drain=true", "-bodyclose.tests=", "docs/bodyclose.md"} {
		if !strings.Contains(out, want) {
			t.Errorf("help bodyclose lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "-bodyclose.drain-limit=65536"); n != 1 {
		t.Errorf("help bodyclose lists -bodyclose.drain-limit %d times, want once (the doc's table):\n%s", n, out)
	}
	if out, code := run(t, ".", bin, "help", "nosuch"); code != 2 || !strings.Contains(out, "getbody") {
		t.Errorf("help nosuch: exit %d, want 2 naming the analyzers:\n%s", code, out)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	version := regexp.MustCompile(`^httpvet (\(devel\)|v\S+) go1\.\S+ \S+/\S+\n$`)
	for _, arg := range []string{"-version", "version"} {
		out, code := run(t, ".", bin, arg)
		if code != 0 || !version.MatchString(out) {
			t.Errorf("httpvet %s: exit %d, output %q", arg, code, out)
		}
	}
	// go vet's -V=full: "NAME version devel … buildID=…", with the module
	// version in the middle.
	out, code := run(t, ".", bin, "-V=full")
	full := regexp.MustCompile(`^\S+ version devel httpvet@(\(devel\)|v\S+) go1\.\S+ buildID=[0-9a-f]+\n$`)
	if code != 0 || !full.MatchString(out) {
		t.Errorf("-V=full: exit %d, output %q", code, out)
	}
}

func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
