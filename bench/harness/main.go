// Command harness runs httpvet on real modules and on the standard library
// and proves four things, printed as one table: how long the suite takes
// next to a no-op vet tool (the floor: loading and type-checking only),
// with -floors next to a no-op that carries one fact type too (go vet then
// runs it on every dependency, as it runs httpvet: the floor of any suite
// with facts), and next to timakin/bodyclose; that no analyzer crashes or
// fails; that the suggested fixes, applied, leave every module building;
// and what it finds, per analyzer and module, in files to read and
// triage. For each tool, an untimed run under go vet records the package
// whose vet process had the largest resident set (see rss.go): httpvet's
// is a column of the table, every tool's a second table.
//
// Usage, from the repository root:
//
//	go run ./bench/harness [flags] [name...]
//
// Names are those of bench/corpus.txt (all of them by default) and "std"
// for the standard library. The modules are fetched with bench/fetch.sh
// into $HTTPVET_CORPUS (default $TMPDIR/httpvet-corpus). Results go to
// -out (bench/results): RESULTS.md with the table, findings/NAME.tsv with
// httpvet's findings, timakin/NAME.tsv and gosec/NAME.tsv with the peers'
// findings, errors/NAME.txt with anything that failed.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/httpvet/httpvet/bench/internal/vetrun"
	"github.com/httpvet/httpvet/bench/internal/vettool"
)

var (
	corpusDir = flag.String("corpus", "", "where the corpus modules are (default $HTTPVET_CORPUS or $TMPDIR/httpvet-corpus)")
	outDir    = flag.String("out", "bench/results", "where to write the results")
	rounds    = flag.Int("rounds", 3, "timed rounds per tool (noop, httpvet, bodyclose alternating); 0 runs each tool once, untimed")
	bodyclose = flag.String("bodyclose", "v0.0.0-20260723120731-857993a2939c", "github.com/timakin/bodyclose version to compare with (empty: skip)")
	gosec     = flag.String("gosec", "", "github.com/securego/gosec/v2 version whose G112/G114 findings to count (empty: skip)")
	fixes     = flag.Bool("fixes", true, "apply httpvet's fixes to a copy of each module and check that it builds")
	floors    = flag.Bool("floors", false, "also measure the no-op vet tool carrying one fact type (go vet then runs it on every dependency, as it runs httpvet): the floor of any suite with facts")
)

// A tool is a vet tool the harness runs.
type tool struct {
	name, path string
}

// A run is one go vet invocation; a finding one diagnostic.
type (
	run     = vetrun.Run
	finding = vetrun.Finding
)

// A peak is the largest vet process of one go vet run: its maximum
// resident set and the package it analyzed.
type peak struct {
	rssKB int64
	pkg   string
	dep   bool // analyzed for facts only (VetxOnly): a dependency
}

type result struct {
	name     string
	skipped  string // why the module was skipped
	pkgs     int
	findings map[string][]finding // httpvet's, by analyzer
	timakin  int
	gosec    int
	errors   int // analyzer errors and crashes
	fixed    string
	times    map[string][]run
	peaks    map[string]peak // by tool
}

var work string // temporary directory with the tools

func main() {
	if len(os.Args) > 1 && os.Args[1] == rssWrapArg {
		os.Exit(rssWrap(os.Args[2], os.Args[3], os.Args[4:]))
	}
	flag.Parse()
	root, err := os.Getwd()
	check(err)
	if _, err := os.Stat(filepath.Join(root, "bench", "corpus.txt")); err != nil {
		fatalf("run the harness from the repository root")
	}
	if *corpusDir == "" {
		*corpusDir = os.Getenv("HTTPVET_CORPUS")
	}
	if *corpusDir == "" {
		*corpusDir = filepath.Join(os.TempDir(), "httpvet-corpus")
	}
	*outDir, err = filepath.Abs(*outDir)
	check(err)
	work, err = os.MkdirTemp("", "httpvet-harness")
	check(err)
	defer os.RemoveAll(work)

	names := flag.Args()
	if len(names) == 0 {
		names = append(corpusNames(root), "std")
	}

	tools := []tool{{"noop", build(root, "./bench/noop", "noop")}}
	if *floors {
		tools = append(tools, tool{"noopfacts", build(root, "./bench/noop", "noopfacts", "-ldflags=-X=main.withFact=yes")})
	}
	tools = append(tools, tool{"httpvet", build(root, "./cmd/httpvet", "httpvet")})
	if *bodyclose != "" {
		tools = append(tools, tool{"bodyclose", install("github.com/timakin/bodyclose@"+*bodyclose, "bodyclose")})
	}
	gosecPath := ""
	if *gosec != "" {
		gosecPath = install("github.com/securego/gosec/v2/cmd/gosec@"+*gosec, "gosec")
	}
	for _, d := range []string{"findings", "timakin", "gosec", "errors"} {
		check(os.MkdirAll(filepath.Join(*outDir, d), 0o755))
	}

	var results []*result
	for _, name := range names {
		dir := ""
		if name != "std" {
			dir = fetch(root, name)
		}
		r := measure(name, dir, tools, gosecPath)
		results = append(results, r)
		fmt.Fprintf(os.Stderr, "harness: %s done\n", name)
	}
	table := render(results)
	fmt.Print(table)
	md := fmt.Sprintf("# httpvet on real code\n\n%s\n\nCommand: `go run ./bench/harness %s`\n\n%s",
		machine(), strings.Join(os.Args[1:], " "), table)
	check(os.WriteFile(filepath.Join(*outDir, "RESULTS.md"), []byte(md), 0o644))
	// Crashes, analyzer errors and fixes that break the build fail the run.
	failed := false
	for _, r := range results {
		if r.errors > 0 || strings.Contains(r.fixed, "NO") || strings.Contains(r.fixed, "crash") {
			fmt.Fprintf(os.Stderr, "harness: %s failed: see %s\n", r.name, filepath.Join(*outDir, "errors", r.name+".txt"))
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

// measure runs every step on one module (dir) or, with dir empty, on std.
func measure(name, dir string, tools []tool, gosecPath string) *result {
	r := &result{name: name, findings: make(map[string][]finding), times: make(map[string][]run), peaks: make(map[string]peak)}
	pattern := "./..."
	if dir == "" {
		pattern = "std"
		dir = work
	}
	var errlog bytes.Buffer
	defer func() {
		if errlog.Len() > 0 {
			check(os.WriteFile(filepath.Join(*outDir, "errors", name+".txt"), errlog.Bytes(), 0o644))
		}
	}()

	// One untimed run of each tool, the no-op first, warms the compile
	// cache and records which package made the tool's largest vet
	// process; a module that does not build is skipped.
	for i, t := range tools {
		warm, pk := vetPeak(dir, t.path, pattern)
		if i == 0 && warm.RC != 0 {
			r.skipped = "does not build under go vet"
			fmt.Fprintf(&errlog, "warm-up go vet exited %d:\n%s\n", warm.RC, vetrun.Tail(warm.Stderr))
			return r
		}
		r.peaks[t.name] = pk
		if *rounds == 0 {
			r.times[t.name] = []run{warm} // each tool once, untimed: this run
		}
	}
	r.pkgs = countPackages(dir, pattern)

	for i := 0; i < *rounds; i++ {
		for _, t := range tools {
			r.times[t.name] = append(r.times[t.name], vet(dir, t.path, pattern))
		}
	}
	// The first run of each tool gives the findings.
	hv := r.times["httpvet"][0]
	all, errs := vetrun.ParseJSON(hv.Stdout, dir)
	r.errors = errs
	if hv.RC != 0 || bytes.Contains(hv.Stderr, []byte("panic:")) || errs > 0 {
		r.errors = max(r.errors, 1)
		fmt.Fprintf(&errlog, "httpvet: go vet exited %d, %d analyzer errors:\n%s\n%s\n", hv.RC, errs, vetrun.Tail(hv.Stderr), vetrun.ErrorEntries(hv.Stdout))
	}
	var tsv strings.Builder
	for _, f := range all {
		r.findings[f.Analyzer] = append(r.findings[f.Analyzer], f)
		fmt.Fprintf(&tsv, "%s\t%s\t%s\n", f.Analyzer, f.Posn, f.Message)
	}
	check(os.WriteFile(filepath.Join(*outDir, "findings", name+".tsv"), []byte(tsv.String()), 0o644))
	if runs, ok := r.times["bodyclose"]; ok {
		peer, _ := vetrun.ParseJSON(runs[0].Stdout, dir)
		r.timakin = len(peer)
		check(os.WriteFile(filepath.Join(*outDir, "timakin", name+".tsv"), []byte(vetrun.TSV(peer)), 0o644))
	}
	if gosecPath != "" && pattern != "std" {
		r.gosec = runGosec(gosecPath, dir, name)
	}
	if *rounds == 0 {
		r.times = nil
	}
	if *fixes && pattern != "std" {
		r.fixed = fixModule(name, dir, all, tools[1].path, &errlog)
	}
	return r
}

// vet runs go vet with a fresh copy of tool's ID, so that go vet's cache
// of results does not answer for it, while the compile cache stays warm.
func vet(dir, toolPath, pattern string) run {
	return timed(dir, "go", "vet", "-vettool="+fresh(toolPath), "-json", pattern)
}

// vetPeak is vet with each vet process run under the harness (rssWrap),
// which records its maximum resident set and package: it returns the run
// and the largest of them. Untimed: the extra process per package would
// weigh on the floors as much as on httpvet, and bring ratios nearer 1.
func vetPeak(dir, toolPath, pattern string) (run, peak) {
	freshN++
	log := filepath.Join(work, fmt.Sprintf("rss-%d.tsv", freshN))
	self, err := os.Executable()
	check(err)
	r := timed(dir, "go", "vet", "-vettool="+freshCmd(toolPath, fmt.Sprintf("%q %s %q %q", self, rssWrapArg, log, toolPath)), "-json", pattern)
	return r, peakOf(log)
}

var freshN int // numbers the RSS logs

// fresh returns a wrapper of the tool that answers -V=full with a build ID
// no other run has used and runs the tool for everything else.
func fresh(toolPath string) string {
	return freshCmd(toolPath, fmt.Sprintf("%q", toolPath))
}

// freshCmd is fresh with the command that runs the tool (with the
// arguments appended) given as shell words.
func freshCmd(toolPath, command string) string {
	p, err := vettool.Fresh(work, filepath.Base(toolPath), command)
	check(err)
	return p
}

// timed runs a command in dir and measures it, its children included:
// in a module (GOWORK off, dependencies fetched) or, in the work
// directory, on the standard library.
func timed(dir string, name string, args ...string) run {
	env := []string{"GOWORK=off", "GOFLAGS=-mod=mod"}
	if dir == work {
		env = append(env, "GOFLAGS=") // std: no module
	}
	return vetrun.Timed(dir, env, name, args...)
}

// fixModule applies httpvet's fixes to a copy of the module and reports
// "applied/built/left": the fixable diagnostics, whether the copy builds
// and vets, and the fixable diagnostics a second run still reports.
func fixModule(name, dir string, before []finding, httpvet string, errlog *bytes.Buffer) string {
	fixable := 0
	for _, f := range before {
		if f.Fixable {
			fixable++
		}
	}
	if fixable == 0 {
		return "0"
	}
	cp := filepath.Join(work, "fixed", name)
	check(os.MkdirAll(filepath.Dir(cp), 0o755))
	if out, err := exec.Command("cp", "-r", dir, cp).CombinedOutput(); err != nil {
		fatalf("copying %s: %v\n%s", dir, err, out)
	}
	fix := timed(cp, httpvet, "-fix", "./...")
	if bytes.Contains(fix.Stderr, []byte("panic:")) {
		fmt.Fprintf(errlog, "httpvet -fix crashed:\n%s\n", vetrun.Tail(fix.Stderr))
		return fmt.Sprintf("%d/crash", fixable)
	}
	built := "yes"
	if b := timed(cp, "go", "build", "./..."); b.RC != 0 {
		built = "NO"
		fmt.Fprintf(errlog, "go build after -fix:\n%s\n", vetrun.Tail(b.Stderr))
	} else if v := timed(cp, "go", "vet", "./..."); v.RC != 0 {
		// Tell a failure the fixes caused from one the module has anyway.
		if orig := timed(dir, "go", "vet", "./..."); orig.RC == 0 {
			built = "NO"
			fmt.Fprintf(errlog, "go vet after -fix:\n%s\n", vetrun.Tail(v.Stderr))
		} else if t := timed(cp, "go", "test", "-count=1", "-run=^$", "./..."); t.RC != 0 {
			built = "NO"
			fmt.Fprintf(errlog, "go test -run=^$ after -fix:\n%s\n", vetrun.Tail(t.Stderr))
		}
	}
	after, _ := vetrun.ParseJSON(vet(cp, httpvet, "./...").Stdout, cp)
	left := 0
	for _, f := range after {
		if f.Fixable {
			left++
			fmt.Fprintf(errlog, "still reported after -fix: %s %s %s\n", f.Analyzer, f.Posn, f.Message)
		}
	}
	return fmt.Sprintf("%d/%s/%d", fixable, built, left)
}

// runGosec counts gosec's G112 (Slowloris) and G114 (http.ListenAndServe
// without timeouts) findings and writes them down.
func runGosec(gosecPath, dir, name string) int {
	r := timed(dir, gosecPath, "-include=G112,G114", "-fmt=json", "-quiet", "-no-fail", "./...")
	var report struct {
		Issues []struct {
			RuleID  string `json:"rule_id"`
			File    string `json:"file"`
			Line    string `json:"line"`
			Column  string `json:"column"`
			Details string `json:"details"`
		} `json:"Issues"`
	}
	if len(bytes.TrimSpace(r.Stdout)) == 0 && r.RC == 0 {
		return 0 // -quiet prints nothing when there is no issue
	}
	if err := json.Unmarshal(r.Stdout, &report); err != nil {
		return -1
	}
	var b strings.Builder
	for _, is := range report.Issues {
		file := is.File
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = rel
		}
		fmt.Fprintf(&b, "%s\t%s:%s:%s\t%s\n", is.RuleID, file, is.Line, is.Column, is.Details)
	}
	check(os.WriteFile(filepath.Join(*outDir, "gosec", name+".tsv"), []byte(b.String()), 0o644))
	return len(report.Issues)
}

func machine() string {
	model := ""
	if f, err := os.Open("/proc/cpuinfo"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
		f.Close()
	}
	goVersion, _ := exec.Command("go", "env", "GOVERSION").Output()
	return fmt.Sprintf("Run on %s: %s, %d CPUs (%s), %s.", time.Now().UTC().Format("2006-01-02"),
		runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU(), model, strings.TrimSpace(string(goVersion)))
}

func corpusNames(root string) []string {
	data, err := os.ReadFile(filepath.Join(root, "bench", "corpus.txt"))
	check(err)
	var names []string
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 3 && !strings.HasPrefix(f[0], "#") {
			names = append(names, f[0])
		}
	}
	return names
}

// fetch makes sure the module is in the corpus directory.
func fetch(root, name string) string {
	cmd := exec.Command("bash", filepath.Join(root, "bench", "fetch.sh"), name)
	cmd.Env = append(os.Environ(), "HTTPVET_CORPUS="+*corpusDir)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil || len(bytes.Fields(out)) < 2 {
		fatalf("fetching %s: %v", name, err)
	}
	return string(bytes.Fields(out)[1])
}

func countPackages(dir, pattern string) int {
	cmd := exec.Command("go", "list", pattern)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	if dir == work {
		cmd.Env = append(cmd.Env, "GOFLAGS=")
	}
	out, _ := cmd.Output()
	return len(bytes.Fields(out))
}

func build(root, pkg, name string, flags ...string) string {
	out := filepath.Join(work, name)
	cmd := exec.Command("go", append(append([]string{"build", "-o", out}, flags...), pkg)...)
	cmd.Dir = root
	cmd.Stderr = os.Stderr
	check(cmd.Run())
	return out
}

func install(pkgAtVersion, name string) string {
	cmd := exec.Command("go", "install", pkgAtVersion)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "GOBIN="+work, "GOWORK=off", "GOFLAGS=-mod=mod")
	cmd.Stderr = os.Stderr
	check(cmd.Run())
	return filepath.Join(work, name)
}

func check(err error) {
	if err != nil {
		fatalf("%v", err)
	}
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "harness: "+format+"\n", args...)
	os.Exit(1)
}
