package main_test

import (
	"archive/zip"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// go install github.com/httpvet/httpvet/cmd/httpvet@v1.2.3 gives an
// httpvet whose -version and -V=full say v1.2.3. The release is this
// checkout, served by a file:// module proxy in a temporary directory;
// the dependencies come from the module cache, so the test needs no
// network (it skips when the cache lacks them).
func TestInstallVersion(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds httpvet with go install")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	const version = "v1.2.3"
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	vdir := filepath.Join(proxy, "github.com", "httpvet", "httpvet", "@v")
	if err := os.MkdirAll(vdir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(vdir, "list"), version+"\n")
	writeFile(t, filepath.Join(vdir, version+".info"), `{"Version":"`+version+`","Time":"2026-01-01T00:00:00Z"}`)
	writeFile(t, filepath.Join(vdir, version+".mod"), readFile(t, filepath.Join(root, "go.mod")))
	moduleZip(t, root, "github.com/httpvet/httpvet@"+version, filepath.Join(vdir, version+".zip"))

	cache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(),
		"GOWORK=off", "GOFLAGS=-mod=mod", "GOSUMDB=off", "GOTOOLCHAIN=local",
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(filepath.Join(strings.TrimSpace(string(cache)), "cache", "download")),
		"GOMODCACHE="+filepath.Join(tmp, "mod"),
		"GOBIN="+filepath.Join(tmp, "bin"))
	gocmd := func(args ...string) (string, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir, cmd.Env = tmp, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	// The module cache's files are read-only: go clean removes them.
	t.Cleanup(func() {
		if out, err := gocmd("clean", "-modcache"); err != nil {
			t.Errorf("go clean -modcache: %v\n%s", err, out)
		}
	})
	if out, err := gocmd("install", "github.com/httpvet/httpvet/cmd/httpvet@"+version); err != nil {
		if strings.Contains(out, "not found") || strings.Contains(out, "no such file") {
			t.Skipf("the module cache lacks a dependency:\n%s", out)
		}
		t.Fatalf("go install: %v\n%s", err, out)
	}
	bin := filepath.Join(tmp, "bin", "httpvet")
	out, code := run(t, tmp, bin, "-version")
	if code != 0 || !strings.HasPrefix(out, "httpvet "+version+" go1.") {
		t.Errorf("httpvet -version: exit %d, output %q, want httpvet %s go1.…", code, out, version)
	}
	out, code = run(t, tmp, bin, "-V=full")
	if code != 0 || !strings.Contains(out, " version devel httpvet@"+version+" go1.") {
		t.Errorf("httpvet -V=full: exit %d, output %q", code, out)
	}
}

// moduleZip writes the module zip of the module in dir: every file but
// version control files and nested modules, under prefix/.
func moduleZip(t *testing.T, dir, prefix, name string) {
	t.Helper()
	f, err := os.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Name() == ".git" {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil // a worktree's .git file
		}
		if d.IsDir() {
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && path != dir {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		w, err := zw.Create(prefix + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		_, err = io.Copy(w, src)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}
