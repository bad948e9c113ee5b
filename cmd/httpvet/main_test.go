package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// httpvet builds the command once per test binary run, and returns its
// path once the go command's cache holds what most tests' go vet runs
// share.
//
// Every go vet run analyzes the module's dependencies too, for their
// facts: net/http and the standard library under it, some 190 packages,
// once per vet tool and list of tool flags, the go command's cache key.
// The tests share one cache (this process's GOCACHE), but tests run in
// parallel would each compute the same entries at once. So the command
// is first run once, under go vet without flags (the tool flags of
// standalone runs without flags too), which also compiles the standard
// packages once for all.
func httpvet(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds httpvet and runs it")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "httpvet-test")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "httpvet")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
			return
		}
		buildErr = warmCache(binPath)
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// warmCache runs go vet with bin on a copy of the fixture, for the
// entries it leaves in the go command's cache; the output is the tests'
// to check.
func warmCache(bin string) error {
	dir, err := os.MkdirTemp("", "httpvet-warm")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := os.CopyFS(dir, os.DirFS("testdata/fixture")); err != nil {
		return err
	}
	cmd := exec.Command("go", "vet", "-vettool="+bin, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), goEnv...)
	if _, err := cmd.CombinedOutput(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			return err
		}
	}
	return nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// fixture copies testdata/fixture to a writable directory.
func fixture(t *testing.T) string {
	return copyDir(t, "testdata/fixture")
}

// copyDir copies dir to a writable directory.
func copyDir(t *testing.T, dir string) string {
	t.Helper()
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// goEnv is the environment of the go commands the tests run on their
// modules, beside the test's own: no workspace, and go.mod updated as
// needed.
var goEnv = []string{"GOWORK=off", "GOFLAGS=-mod=mod"}

// run runs name args in dir and returns its combined output and exit code.
func run(t *testing.T, dir, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), goEnv...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &exit):
		return out.String(), exit.ExitCode()
	}
	t.Fatalf("%s %v: %v", name, args, err)
	return "", 0
}

// findings are the diagnostics every driver must print for the fixture.
var findings = []string{
	"main.go:11:14: GET request built by newRequest carries a body",
}

func TestEndToEnd(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)

	t.Run("vettool", func(t *testing.T) {
		t.Parallel()
		out, code := run(t, fixture(t), "go", "vet", "-vettool="+bin, "./...")
		if code == 0 {
			t.Errorf("go vet -vettool exited 0 on findings:\n%s", out)
		}
		checkFindings(t, out)
	})

	t.Run("vettool-disable", func(t *testing.T) {
		t.Parallel()
		out, code := run(t, fixture(t), "go", "vet", "-vettool="+bin, "-getbody=false", "./...")
		if code != 0 || strings.Contains(out, "GET request") {
			t.Errorf("go vet -getbody=false: exit %d, output:\n%s", code, out)
		}
	})

	t.Run("vettool-fix-diff", func(t *testing.T) {
		t.Parallel()
		dir := fixture(t)
		out, _ := run(t, dir, "go", "vet", "-vettool="+bin, "-fix", "-diff", "./...")
		// The default fix keeps the GET: the payload, http.NoBody, was
		// encoded as {}; changing the method is never applied by default.
		if !strings.Contains(out, "+\treq, err := newRequest(\"GET\", \"http://localhost:1\", nil)") || strings.Contains(out, "MethodPost") {
			t.Errorf("go vet -fix -diff shows no fix, or another:\n%s", out)
		}
		unchanged, _ := os.ReadFile(filepath.Join(dir, "main.go"))
		orig, _ := os.ReadFile("testdata/fixture/main.go")
		if !bytes.Equal(unchanged, orig) {
			t.Errorf("-diff modified the file")
		}
	})

	t.Run("standalone", func(t *testing.T) {
		t.Parallel()
		out, code := run(t, fixture(t), bin, "./...")
		if code != 3 {
			t.Errorf("httpvet exited %d on findings, want 3:\n%s", code, out)
		}
		checkFindings(t, out)
	})

	t.Run("json", func(t *testing.T) {
		t.Parallel()
		out, code := run(t, fixture(t), bin, "-json", "./...")
		if code != 0 {
			t.Errorf("httpvet -json exited %d, want 0:\n%s", code, out)
		}
		var tree map[string]map[string][]struct{ Posn, Message string }
		if err := json.Unmarshal([]byte(out), &tree); err != nil {
			t.Fatalf("-json output does not decode: %v\n%s", err, out)
		}
		if n := len(tree["fixture"]["getbody"]); n != 1 {
			t.Errorf("-json: %d getbody findings, want 1:\n%s", n, out)
		}
		// The test variant (fixture [fixture.test]) analyzes main.go
		// again: its findings are the package's, listed once.
		if n := strings.Count(out, `"posn"`); n != 1 {
			t.Errorf("-json: %d findings in all, want 1 (once, not again for the test variant):\n%s", n, out)
		}
	})

	t.Run("fix", func(t *testing.T) {
		t.Parallel()
		dir := fixture(t)
		if out, code := run(t, dir, bin, "-fix", "./..."); code != 0 {
			t.Fatalf("httpvet -fix exited %d:\n%s", code, out)
		}
		if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
			t.Fatalf("fixed code does not build:\n%s", out)
		}
		if out, code := run(t, dir, bin, "./..."); code != 0 {
			t.Errorf("findings remain after -fix (exit %d):\n%s", code, out)
		}
	})

	t.Run("version-and-flags", func(t *testing.T) {
		t.Parallel()
		out, code := run(t, ".", bin, "-V=full")
		if code != 0 || !strings.Contains(out, "buildID=") {
			t.Errorf("-V=full: exit %d, output %q", code, out)
		}
		out, code = run(t, ".", bin, "-flags")
		var flags []struct{ Name string }
		if code != 0 || json.Unmarshal([]byte(out), &flags) != nil {
			t.Fatalf("-flags: exit %d, output %q", code, out)
		}
		names := make(map[string]bool)
		for _, f := range flags {
			names[f.Name] = true
		}
		for _, want := range []string{"getbody", "json", "V"} {
			if !names[want] {
				t.Errorf("-flags lacks %q", want)
			}
		}
	})
}

func checkFindings(t *testing.T, out string) {
	t.Helper()
	for _, f := range findings {
		if !strings.Contains(out, f) {
			t.Errorf("output lacks %q:\n%s", f, out)
		}
	}
	if n := strings.Count(out, "GET request built by"); n != 1 {
		t.Errorf("%d getbody findings, want 1 (the other is suppressed):\n%s", n, out)
	}
}
