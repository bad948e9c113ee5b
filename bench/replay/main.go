// Command replay compares two vet tools package by package, as go vet runs
// them, with far less noise than timing whole go vet runs: it runs
// go vet -work once per tool on a module (each tool with a fresh build ID,
// so that go vet's cache never answers), keeps the per-package
// configuration files go vet wrote, then runs each tool again on each of
// its packages, one process at a time, the two tools alternating, and
// sums the CPU time of every process (user + system) and its largest
// resident set. Whole go vet runs of a large module move by several
// percent from one round to the next on a small machine; here the two
// runs of a package are back to back, so the machine's drift falls on
// both tools alike (httpvet against a build of itself that only moved
// the garbage collector's goal, which saved no CPU, read 1.000), and the
// packages where one tool pays more are named.
//
// Usage, from the repository root:
//
//	go run ./bench/replay [-rounds 3] [-top 15] [-tsv FILE] DIR TOOL_A TOOL_B
//
// DIR is a module (go vet ./... runs there with GOWORK=off, as in the
// harness) and the tools are vet tool executables, for example httpvet
// built from two trees, or httpvet and bench/noop built with
// -ldflags=-X=main.withFact=yes. Each process gets the configuration go vet
// gave that tool: the dependencies' facts files are those the tool wrote
// itself. It prints the totals over all packages and over the packages
// TOOL_A analyzed (those where it took more than 8 ms: httpvet skips a
// dependency that cannot reach net without type-checking it), and the
// packages where TOOL_A costs most beyond TOOL_B.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"syscall"
	"time"

	"github.com/httpvet/httpvet/bench/internal/vettool"
)

var (
	rounds = flag.Int("rounds", 3, "runs of each package per tool; the median is kept")
	top    = flag.Int("top", 15, "packages to list where TOOL_A costs most beyond TOOL_B")
	tsv    = flag.String("tsv", "", "write every package's medians to this file")
)

// unit is one package go vet ran a tool on: the part of its
// configuration replay reads, and the file it is in.
type unit struct {
	ID       string
	VetxOnly bool
	file     string
}

// sample is one package's measurements for one tool, a value per round.
type sample struct {
	cpu   []time.Duration
	rssKB []int64
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("replay: ")
	flag.Parse()
	if flag.NArg() != 3 {
		log.Fatal("usage: replay [-rounds N] [-top N] [-tsv FILE] DIR TOOL_A TOOL_B")
	}
	dir := flag.Arg(0)
	tools := [2]string{abs(flag.Arg(1)), abs(flag.Arg(2))}

	var units [2]map[string]unit // by package ID
	for i, t := range tools {
		work := vetWork(dir, t)
		defer os.RemoveAll(work)
		units[i] = configs(work)
	}
	var ids []string
	for id := range units[0] {
		if _, ok := units[1][id]; ok {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)

	samples := make([][2]sample, len(ids))
	for r := 0; r < *rounds; r++ {
		for k, id := range ids {
			for j := 0; j < 2; j++ {
				i := (j + r + k) % 2 // alternate which tool goes first
				cpu, rss := measure(tools[i], units[i][id].file)
				samples[k][i].cpu = append(samples[k][i].cpu, cpu)
				samples[k][i].rssKB = append(samples[k][i].rssKB, rss)
			}
		}
	}
	report(ids, units[0], samples, tools)
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		log.Fatal(err)
	}
	return a
}

// vetWork runs go vet -work with a fresh copy of the tool's ID in dir and
// returns the work directory it kept.
func vetWork(dir, tool string) string {
	wrap, err := vettool.Fresh("", filepath.Base(tool), fmt.Sprintf("%q", tool))
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(wrap)
	cmd := exec.Command("go", "vet", "-work", "-vettool="+wrap, "-json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	_ = cmd.Run() // findings or errors in packages do not matter here
	m := regexp.MustCompile(`(?m)^WORK=(.*)$`).FindSubmatch(stderr.Bytes())
	if m == nil {
		log.Fatalf("go vet in %s printed no WORK directory:\n%s", dir, stderr.Bytes())
	}
	return string(m[1])
}

// configs returns the packages go vet ran the tool on, by package ID.
func configs(work string) map[string]unit {
	files, err := filepath.Glob(filepath.Join(work, "*", "vet.cfg"))
	if err != nil || len(files) == 0 {
		log.Fatalf("no vet.cfg files in %s", work)
	}
	units := make(map[string]unit)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			log.Fatal(err)
		}
		u := unit{file: f}
		if err := json.Unmarshal(data, &u); err != nil {
			log.Fatalf("%s: %v", f, err)
		}
		units[u.ID] = u
	}
	return units
}

// measure runs the tool on one package as go vet does and returns the
// process's CPU time and largest resident set.
func measure(tool, cfg string) (time.Duration, int64) {
	cmd := exec.Command(tool, "-json", cfg)
	cmd.Dir = filepath.Dir(cfg)
	_ = cmd.Run() // a package with findings exits 1 under go vet too
	ps := cmd.ProcessState
	if ps == nil {
		log.Fatalf("%s %s did not run", tool, cfg)
	}
	var rss int64
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return ps.UserTime() + ps.SystemTime(), rss
}

func median[T int64 | time.Duration](v []T) T {
	s := append([]T(nil), v...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

func report(ids []string, units map[string]unit, samples [][2]sample, tools [2]string) {
	type row struct {
		id       string
		cpu      [2]time.Duration
		rssKB    [2]int64
		analyzed bool
	}
	rows := make([]row, len(ids))
	var all, analyzed [2]time.Duration
	var peak [2]row
	nAnalyzed := 0
	for k, id := range ids {
		r := row{id: id}
		for i := 0; i < 2; i++ {
			r.cpu[i] = median(samples[k][i].cpu)
			r.rssKB[i] = median(samples[k][i].rssKB)
			all[i] += r.cpu[i]
		}
		for i := 0; i < 2; i++ {
			if r.rssKB[i] > peak[i].rssKB[i] {
				peak[i] = r
			}
		}
		r.analyzed = r.cpu[0] > 8*time.Millisecond
		if r.analyzed {
			nAnalyzed++
			analyzed[0] += r.cpu[0]
			analyzed[1] += r.cpu[1]
		}
		rows[k] = r
	}
	fmt.Printf("A = %s\nB = %s\n", tools[0], tools[1])
	fmt.Printf("%d packages, median of %d rounds, CPU (user+system) summed over packages:\n", len(ids), *rounds)
	fmt.Printf("  all packages:        A %8.2f s  B %8.2f s  A/B %.3f\n", all[0].Seconds(), all[1].Seconds(), ratio(all))
	fmt.Printf("  %4d A analyzed:     A %8.2f s  B %8.2f s  A/B %.3f\n", nAnalyzed, analyzed[0].Seconds(), analyzed[1].Seconds(), ratio(analyzed))
	for i, name := range []string{"A", "B"} {
		fmt.Printf("  largest process of %s: %s, %d MB (the other tool: %d MB)\n", name, peak[i].id, peak[i].rssKB[i]>>10, peak[i].rssKB[1-i]>>10)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].cpu[0]-rows[i].cpu[1] > rows[j].cpu[0]-rows[j].cpu[1] })
	fmt.Printf("packages where A costs most beyond B (ms CPU: A, B, A-B):\n")
	for _, r := range rows[:min(*top, len(rows))] {
		fmt.Printf("  %6d %6d %+6d  %s\n", r.cpu[0].Milliseconds(), r.cpu[1].Milliseconds(), (r.cpu[0] - r.cpu[1]).Milliseconds(), r.id)
	}
	if *tsv == "" {
		return
	}
	var b bytes.Buffer
	b.WriteString("package\tvetx_only\tcpu_a_ms\tcpu_b_ms\trss_a_mb\trss_b_mb\n")
	sort.Slice(rows, func(i, j int) bool { return rows[i].id < rows[j].id })
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%v\t%d\t%d\t%d\t%d\n", r.id, units[r.id].VetxOnly, r.cpu[0].Milliseconds(), r.cpu[1].Milliseconds(), r.rssKB[0]>>10, r.rssKB[1]>>10)
	}
	if err := os.WriteFile(*tsv, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}

func ratio(v [2]time.Duration) float64 {
	if v[1] == 0 {
		return 0
	}
	return v[0].Seconds() / v[1].Seconds()
}
