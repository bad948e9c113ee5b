package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// httpvet pinned as a tool of another module (Go 1.24+): go get -tool,
// go tool httpvet, and go vet -vettool=$(go tool -n httpvet). The module
// requires httpvet through a replace to this checkout and resolves its
// dependencies from the module cache only (GOPROXY=off): the test needs
// no network, and skips when the cache lacks them.
func TestGoTool(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds httpvet with go tool")
	}
	// Not for the binary: once it is built, the standard packages this
	// test's go vet runs need are compiled too, once for all the tests.
	httpvet(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), `module example.com/user

go 1.25.0

require github.com/httpvet/httpvet v0.0.0

replace github.com/httpvet/httpvet => `+root+"\n")
	// httpvet's own go.sum has every checksum its dependencies need.
	writeFile(t, filepath.Join(dir, "go.sum"), readFile(t, filepath.Join(root, "go.sum")))
	writeFile(t, filepath.Join(dir, "main.go"), `package main

import (
	"net/http"
	"strings"
)

func main() {
	req, _ := http.NewRequest("GET", "http://localhost:1", strings.NewReader("q=1"))
	_ = req
}
`)
	gocmd := func(args ...string) (string, int) {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
		out, err := cmd.CombinedOutput()
		if exit, ok := err.(*exec.ExitError); ok {
			return string(out), exit.ExitCode()
		} else if err != nil {
			t.Fatalf("go %v: %v", args, err)
		}
		return string(out), 0
	}

	if out, code := gocmd("get", "-tool", "github.com/httpvet/httpvet/cmd/httpvet"); code != 0 {
		if strings.Contains(out, "GOPROXY=off") || strings.Contains(out, "module lookup disabled") {
			t.Skipf("the module cache lacks httpvet's dependencies:\n%s", out)
		}
		t.Fatalf("go get -tool: exit %d\n%s", code, out)
	}
	if gomod := readFile(t, filepath.Join(dir, "go.mod")); !strings.Contains(gomod, "tool github.com/httpvet/httpvet/cmd/httpvet") {
		t.Fatalf("go get -tool did not add the tool directive:\n%s", gomod)
	}

	const want = "main.go:9:12: GET request built by http.NewRequest carries a body"
	out, code := gocmd("tool", "httpvet", "./...")
	if code != 3 || !strings.Contains(out, want) {
		t.Errorf("go tool httpvet ./...: exit %d, want 3 and %q:\n%s", code, want, out)
	}
	out, code = gocmd("tool", "httpvet", "-version")
	if code != 0 || !strings.HasPrefix(out, "httpvet (devel) go1.") {
		t.Errorf("go tool httpvet -version: exit %d, output %q (a replaced module is (devel))", code, out)
	}

	path, code := gocmd("tool", "-n", "httpvet")
	if code != 0 {
		t.Fatalf("go tool -n httpvet: exit %d\n%s", code, path)
	}
	out, code = gocmd("vet", "-vettool="+strings.TrimSpace(path), "./...")
	if code == 0 || !strings.Contains(out, want) {
		t.Errorf("go vet -vettool=$(go tool -n httpvet): exit %d, want the finding:\n%s", code, out)
	}
}
