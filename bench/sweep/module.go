package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/httpvet/httpvet/bench/internal/vetrun"
	"github.com/httpvet/httpvet/bench/internal/vettool"
)

// A record is what the sweep found on one module.
type record struct {
	Name, Module, Version string
	Skipped               string  `json:",omitempty"` // why the module was not swept
	Packages              int     // go list ./...
	LoadFails             bool    // the no-op vet tool fails too: the module's own packages do not all load
	FloorSeconds          float64 // go vet with the no-op tool, fresh
	Modes                 []*mode
	Minutes               float64
}

// A mode is one set of flags: the analysis, then the fixes.
type mode struct {
	Name  string
	Flags []string

	Seconds        float64 // standalone httpvet -json, real analysis
	RSSMB          int64   // its largest process
	Findings       int
	Fixable        int
	Panics         int // processes that crashed (standalone, go vet, -fix)
	AnalyzerErrors int
	CausedLoadFail bool // httpvet failed where the no-op tool did not
	VetAgrees      bool // go vet -vettool=httpvet found what standalone found

	FilesFixed int
	Builds     string // yes, NO, or – (nothing fixed)
	Vets       string // yes, NO (a go vet finding the fixes added), or –
	Gofmt      string // yes, NO (a fixed file no longer gofmt-clean), or –
	Idempotent string // yes, NO (a second -fix changed files), or –
}

// sweep runs every step on one module.
func sweep(m module, t tools, work string) *record {
	rec := &record{Name: m.name, Module: m.path, Version: m.version}
	var log bytes.Buffer
	defer func() {
		if log.Len() > 0 {
			check(os.WriteFile(filepath.Join(*outDir, m.name+".log"), log.Bytes(), 0o644))
		} else {
			os.Remove(filepath.Join(*outDir, m.name+".log"))
		}
	}()
	dir, err := download(m)
	if err != nil {
		rec.Skipped = "download failed"
		fmt.Fprintf(&log, "download: %v\n", err)
		return rec
	}
	// The no-op tool's first run fetches and compiles the dependencies;
	// its second, on a warm cache as httpvet's runs are, is the floor.
	warm := vetrun.Timed(dir, moduleEnv, "go", "vet", "-vettool="+fresh(t.noop, work), "-json", "./...")
	rec.LoadFails = warm.RC != 0
	if rec.LoadFails {
		fmt.Fprintf(&log, "the no-op vet tool fails (the module's own load errors):\n%s\n", vetrun.Tail(warm.Stderr))
	}
	floor := vetrun.Timed(dir, moduleEnv, "go", "vet", "-vettool="+fresh(t.noop, work), "-json", "./...")
	rec.FloorSeconds = floor.Wall.Seconds()
	rec.Packages = len(bytes.Fields(vetrun.Timed(dir, moduleEnv, "go", "list", "./...").Stdout))
	for _, flags := range [][]string{nil, t.strict} {
		md := &mode{Name: "default", Flags: flags}
		if flags != nil {
			md.Name = "strict"
		}
		rec.Modes = append(rec.Modes, md)
		analyze(md, dir, t, rec.LoadFails, &log)
		fixCopy(md, dir, t, work, m.name, &log)
	}
	return rec
}

// fresh wraps a vet tool so that go vet's cache of results never answers
// for it.
func fresh(tool, work string) string {
	p, err := vettool.Fresh(work, filepath.Base(tool), fmt.Sprintf("%q", tool))
	check(err)
	return p
}

// moduleEnv runs the go command in a module of its own, fetching what it
// needs.
var moduleEnv = []string{"GOWORK=off", "GOFLAGS=-mod=mod"}

// analyze runs httpvet standalone, then go vet with httpvet as its tool
// and the same flags (go vet's cache answers for the packages the
// standalone run analyzed: this checks the vet tool protocol and that
// both report the same).
func analyze(md *mode, dir string, t tools, loadFails bool, log *bytes.Buffer) {
	args := append(append([]string{"-json"}, md.Flags...), "./...")
	sa := vetrun.Timed(dir, moduleEnv, t.httpvet, args...)
	md.Seconds, md.RSSMB = sa.Wall.Seconds(), (sa.RSSKB+512)/1024
	found, errs := vetrun.ParseJSON(sa.Stdout, dir)
	md.Findings, md.AnalyzerErrors = len(found), errs
	for _, f := range found {
		if f.Fixable {
			md.Fixable++
		}
	}
	if sa.Panicked() {
		md.Panics++
	}
	if sa.RC != 0 && !loadFails {
		md.CausedLoadFail = true
	}
	if sa.RC != 0 || sa.Panicked() || errs > 0 {
		fmt.Fprintf(log, "%s: httpvet %s exited %d, %d analyzer errors:\n%s\n%s\n",
			md.Name, strings.Join(args, " "), sa.RC, errs, vetrun.Tail(sa.Stderr), vetrun.ErrorEntries(sa.Stdout))
	}

	vetArgs := append(append([]string{"vet", "-vettool=" + t.httpvet, "-json"}, md.Flags...), "./...")
	vet := vetrun.Timed(dir, moduleEnv, "go", vetArgs...)
	viaVet, vetErrs := vetrun.ParseJSON(vet.Stdout, dir)
	if vet.Panicked() {
		md.Panics++
	}
	md.AnalyzerErrors = max(md.AnalyzerErrors, vetErrs)
	if vet.RC != 0 && !loadFails {
		md.CausedLoadFail = true
	}
	md.VetAgrees = vetrun.TSV(viaVet) == vetrun.TSV(found)
	if !md.VetAgrees || vet.Panicked() || (vet.RC != 0 && !loadFails) {
		fmt.Fprintf(log, "%s: go vet with httpvet exited %d (%d findings, standalone %d):\n%s\n",
			md.Name, vet.RC, len(viaVet), len(found), vetrun.Tail(vet.Stderr))
	}
}

// download fetches the module through the proxy into a writable copy of
// its own, without go.work, once.
func download(m module) (string, error) {
	dst := filepath.Join(*modsDir, m.name)
	if _, err := os.Stat(filepath.Join(dst, "go.mod")); err == nil {
		return dst, nil
	}
	tmp, err := os.MkdirTemp("", "sweep-dl")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("go", "mod", "download", "-json", m.path+"@"+m.version)
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), moduleEnv...)
	out, err := cmd.Output()
	var dl struct{ Dir, Error string }
	if jerr := json.Unmarshal(out, &dl); err != nil || jerr != nil || dl.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s: %v %s", m.path, m.version, err, dl.Error)
	}
	if err := copyTree(dl.Dir, dst); err != nil {
		return "", err
	}
	os.Remove(filepath.Join(dst, "go.work"))
	os.Remove(filepath.Join(dst, "go.work.sum"))
	return dst, nil
}

// copyTree copies src to dst (replacing it), writable.
func copyTree(src, dst string) error {
	os.RemoveAll(dst)
	if out, err := exec.Command("cp", "-r", src, dst).CombinedOutput(); err != nil {
		return fmt.Errorf("cp -r %s %s: %v: %s", src, dst, err, out)
	}
	return exec.Command("chmod", "-R", "u+w", dst).Run()
}
