// Command sweep runs httpvet over many modules to prove that it never
// crashes and never breaks a build: for each module of a list
// (bench/sweep.txt by default) it records, in default and in strict mode,
// panics, analyzer errors and load failures that httpvet causes (a module
// the no-op vet tool loads but httpvet does not), the standalone command's
// wall time and peak RSS, and whether go vet with httpvet as its tool
// agrees with the standalone command; then it applies the fixes of each
// mode to a copy and checks that the copy still builds (tests included),
// that go vet reports nothing it did not report before, that the files
// the fixes touched are gofmt-clean, and that a second -fix changes
// nothing.
//
// It reads the findings only to count them: the sweep modules are not
// for tuning the analyzers.
//
// Usage, from the repository root (hours on two cores; run it in the
// background, it resumes where it stopped):
//
//	go run ./bench/sweep [-list bench/sweep.txt] [-out bench/results/sweep] [-redo] [name...]
//
// Each module's record is written to OUT/NAME.json as soon as it is done;
// a module with a record is skipped unless -redo. OUT/SWEEP.md is the
// table of all records, rewritten after each module; OUT/NAME.log keeps
// the output of whatever failed.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

var (
	listFile = flag.String("list", "bench/sweep.txt", "the modules: lines of name, module path and version")
	modsDir  = flag.String("mods", "", "where to keep the downloaded modules (default $TMPDIR/httpvet-sweep-modules)")
	outDir   = flag.String("out", "bench/results/sweep", "where to write the records, logs and SWEEP.md")
	redo     = flag.Bool("redo", false, "run modules that already have a record again")
)

// A module is one line of the list.
type module struct{ name, path, version string }

// tools are the executables one sweep uses.
type tools struct {
	httpvet, noop string
	strict        []string // the flags of strict mode
}

func main() {
	flag.Parse()
	root, err := os.Getwd()
	check(err)
	if _, err := os.Stat(filepath.Join(root, "bench", "sweep", "main.go")); err != nil {
		fatalf("run the sweep from the repository root")
	}
	if *modsDir == "" {
		*modsDir = filepath.Join(os.TempDir(), "httpvet-sweep-modules")
	}
	for _, p := range []*string{listFile, modsDir, outDir} {
		*p, err = filepath.Abs(*p)
		check(err)
	}
	check(os.MkdirAll(*outDir, 0o755))
	check(os.MkdirAll(*modsDir, 0o755))
	work, err := os.MkdirTemp("", "httpvet-sweep")
	check(err)
	defer os.RemoveAll(work)

	mods := readList(*listFile, flag.Args())
	t := buildTools(root, work)
	for _, m := range mods {
		recPath := filepath.Join(*outDir, m.name+".json")
		if _, err := os.Stat(recPath); err == nil && !*redo {
			continue
		}
		start := time.Now()
		rec := sweep(m, t, work)
		rec.Minutes = time.Since(start).Minutes()
		data, err := json.MarshalIndent(rec, "", "\t")
		check(err)
		check(os.WriteFile(recPath, append(data, '\n'), 0o644))
		check(os.WriteFile(filepath.Join(*outDir, "SWEEP.md"), []byte(render(readRecords(*outDir, mods))), 0o644))
		fmt.Fprintf(os.Stderr, "sweep: %s done in %.1f min: %s\n", m.name, rec.Minutes, rec.verdict())
	}
	failed := 0
	for _, r := range readRecords(*outDir, mods) {
		if r.verdict() != "ok" {
			failed++
		}
	}
	if failed > 0 {
		fmt.Fprintf(os.Stderr, "sweep: %d modules failed: see %s\n", failed, filepath.Join(*outDir, "SWEEP.md"))
		os.Exit(1)
	}
}

// buildTools builds httpvet, with a link-time stamp that gives it a build
// ID no earlier sweep used (so go vet's cache of results never answers
// for it and the timings are of real analyses), and the no-op vet tool,
// the floor that tells a module's own load failures from httpvet's.
func buildTools(root, work string) tools {
	t := tools{httpvet: filepath.Join(work, "httpvet"), noop: filepath.Join(work, "noop")}
	stamp := fmt.Sprintf("-ldflags=-X=main.sweepStamp=%d", time.Now().UnixNano())
	run(root, "go", "build", stamp, "-o", t.httpvet, "./cmd/httpvet")
	run(root, "go", "build", "-o", t.noop, "./bench/noop")
	t.strict = strictFlags(t.httpvet)
	return t
}

// strictFlags is the suite's -strict flag where httpvet has one, and the
// strictest setting of every analyzer flag otherwise.
func strictFlags(httpvet string) []string {
	out, _ := exec.Command(httpvet, "-help").CombinedOutput()
	if strings.Contains(string(out), "-strict") {
		return []string{"-strict"}
	}
	return []string{"-bodyclose.drain=all", "-bodyclose.tests", "-timeouts.idle-conn", "-reqctx.all"}
}

func readList(file string, names []string) []module {
	data, err := os.ReadFile(file)
	check(err)
	want := make(map[string]bool)
	for _, n := range names {
		want[n] = true
	}
	var mods []module
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(want) == 0 || want[f[0]] {
			mods = append(mods, module{f[0], f[1], f[2]})
		}
	}
	if len(names) > 0 && len(mods) != len(names) {
		fatalf("some of %v are not in %s", names, file)
	}
	return mods
}

func run(dir, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
}

func check(err error) {
	if err != nil {
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "sweep: "+format+"\n", args...)
	os.Exit(1)
}
