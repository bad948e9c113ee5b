package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// -fix prints what is really left after the fixes: a second analysis of
// the fixed files, at the positions the findings have now, without the
// findings a fix resolved along with its own.
func TestFixPrintsWhatIsLeft(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	dir := copyDir(t, "testdata/fixleft")
	before, code := run(t, dir, bin, ".")
	if code != 3 || strings.Count(before, "\n") != 2 || !strings.Contains(before, "fixleft.go:25:15: response body of c.Get is not closed") {
		t.Fatalf("before -fix: exit %d, want 3 with reqctx's finding on http.Get and the leak at 25:15:\n%s", code, before)
	}
	out, code := run(t, dir, bin, "-fix", ".")
	if code != 3 {
		t.Errorf("-fix: exit %d, want 3 (the leak has no fix):\n%s", code, out)
	}
	after, _ := run(t, dir, bin, ".")
	if out != after {
		t.Errorf("-fix says it left:\n%s\nbut httpvet then reports:\n%s", out, after)
	}
	// reqctx's fix adds 4 lines above the leak.
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, "fixleft.go:29:15: response body of c.Get is not closed") {
		t.Errorf("-fix: want the leak alone, at 29:15, where it is now:\n%s", out)
	}
}

// -test=false leaves _test.go files out, standalone and under go vet.
func TestTestFlag(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	dir := copyDir(t, "testdata/tests")
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{bin, "-getbody.tests", "./..."}, 3},
		{[]string{bin, "-getbody.tests", "-test=false", "./..."}, 1},
		{[]string{bin, "-getbody.tests", "-test=false", "-json", "./..."}, 1},
		// The flags as standalone passes them to go vet: go vet finds
		// the runs above in its cache, whose key is the tool's flags.
		{[]string{"go", "vet", "-vettool=" + bin, "-getbody.tests=true", "./..."}, 3},
		{[]string{"go", "vet", "-vettool=" + bin, "-test=false", "-getbody.tests=true", "./..."}, 1},
	} {
		out, _ := run(t, dir, tc.args[0], tc.args[1:]...)
		if n := strings.Count(out, "GET request built by"); n != tc.want {
			t.Errorf("%s: %d findings, want %d:\n%s", strings.Join(tc.args[1:], " "), n, tc.want, out)
		}
		if tc.want == 1 && !strings.Contains(out, "tests.go:11:2") {
			t.Errorf("%s: want the finding in tests.go:\n%s", strings.Join(tc.args[1:], " "), out)
		}
	}
}

// A package that does not parse is one line, as go vet prints it, and a
// pattern that names no directory is the go command's error alone.
func TestBadInputIsOneLine(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module paren\n\ngo 1.25\n")
	writeFile(t, filepath.Join(dir, "paren.go"), `package paren

import (
	"fmt"
	"net/http"
)

func F() {
	resp, err := http.Get("http://localhost:1"
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	fmt.Println(resp.Status)
}
`)
	out, code := run(t, dir, bin, "./...")
	if code != 1 || strings.Count(out, "\n") != 1 || !strings.HasPrefix(out, "./paren.go:9:") {
		t.Errorf("a missing ')': exit %d, want 1 and one line ./paren.go:9:…:\n%s", code, out)
	}
	for _, pattern := range []string{"./nosuchdir", "./nosuchdir/..."} {
		out, code := run(t, dir, bin, pattern)
		if code != 1 || strings.HasPrefix(out, "-:") || !strings.Contains(out, "nosuchdir") {
			t.Errorf("%s: exit %d, want 1 and the go command's error, without -: before it:\n%s", pattern, code, out)
		}
	}
}

// Standalone httpvet runs go vet: without the go command it says so.
func TestNoGoCommand(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	cmd := exec.Command(bin, "./...")
	cmd.Dir = fixture(t)
	cmd.Env = append(os.Environ(), "PATH="+t.TempDir())
	out, err := cmd.CombinedOutput()
	exit, ok := err.(*exec.ExitError)
	if !ok || exit.ExitCode() != 1 || !strings.Contains(string(out), "the go command is not on PATH") {
		t.Errorf("without go on PATH: %v, want exit 1 saying go is missing:\n%s", err, out)
	}
}

// -tags reaches go vet, and -c=N prints the finding's lines around it.
func TestTagsAndContext(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module tagged\n\ngo 1.25\n")
	writeFile(t, filepath.Join(dir, "plain.go"), "package tagged\n")
	writeFile(t, filepath.Join(dir, "special.go"), `//go:build special

package tagged

import (
	"net/http"
	"strings"
)

func F() {
	http.NewRequest("GET", "http://localhost:1", strings.NewReader("q"))
}
`)
	if out, code := run(t, dir, bin, "./..."); code != 0 || out != "" {
		t.Errorf("without -tags: exit %d, want 0 and nothing (special.go is not built):\n%s", code, out)
	}
	out, code := run(t, dir, bin, "-tags=special", "-c=1", "./...")
	want := "special.go:11:2: GET request built by http.NewRequest carries a body"
	if code != 3 || !strings.Contains(out, want) {
		t.Errorf("-tags=special: exit %d, want 3 and %q:\n%s", code, want, out)
	}
	if context := "\n10\tfunc F() {\n11\t\thttp.NewRequest(\"GET\", \"http://localhost:1\", strings.NewReader(\"q\"))\n12\t}\n"; !strings.HasSuffix(out, context) {
		t.Errorf("-c=1: want the lines 10-12 after the finding:\n%s", out)
	}
}
