// Command standalone times standalone httpvet against go vet running the
// same httpvet as its vet tool, on a warm cache, and checks that both
// report the same findings:
//
//	go run ./bench/standalone [-runs=N] [-old=BIN] [NAME=DIR[:PATTERN] ...]
//
// It builds httpvet from this checkout, then for each module (by default
// a generated five-file module, testdata/demo, and gorilla/websocket if
// bench/fetch.sh has downloaded it) runs each command once untimed (the
// warm-up fills go vet's cache), compares their -json findings, and times
// N runs of each, alternating them so that the machine's drift falls on
// both. -old adds another httpvet binary (the in-process standalone
// driver before it drove go vet) as a third column. It prints a Markdown
// table of median wall times, with the fastest and slowest run.
package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"
)

func main() {
	runs := flag.Int("runs", 5, "timed `runs` of each command per module")
	old := flag.String("old", "", "another httpvet `binary` to time standalone too (a column of its own)")
	flag.Parse()
	log.SetFlags(0)

	tmp, err := os.MkdirTemp("", "httpvet-bench-standalone")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "httpvet")
	if out, err := exec.Command("go", "build", "-o", bin, "./cmd/httpvet").CombinedOutput(); err != nil {
		log.Fatalf("go build ./cmd/httpvet (run this from the repository root): %v\n%s", err, out)
	}
	targets := flag.Args()
	if len(targets) == 0 {
		targets = defaultTargets(tmp)
	}

	fmt.Printf("| module | pkgs | findings | go vet -vettool=httpvet, wall s | httpvet, wall s | httpvet/go vet, wall | httpvet/go vet, CPU |")
	if *old != "" {
		fmt.Printf(" before (in-process), wall s |")
	}
	fmt.Printf("\n|---|---:|---:|---:|---:|---:|---:|%s\n", map[bool]string{true: "---:|"}[*old != ""])
	for _, t := range targets {
		name, spec, _ := strings.Cut(t, "=")
		dir, pattern, ok := strings.Cut(spec, ":")
		if !ok {
			pattern = "./..."
		}
		vet := []string{"go", "vet", "-vettool=" + bin, pattern}
		alone := []string{bin, pattern}
		cmds := [][]string{vet, alone}
		if *old != "" {
			cmds = append(cmds, []string{*old, pattern})
		}
		for _, c := range cmds {
			runCmd(dir, c) // warm-up
		}
		n := sameFindings(dir, bin, pattern)
		times := make([][]time.Duration, len(cmds))
		cpu := make([][]time.Duration, len(cmds))
		for range *runs {
			for i, c := range cmds {
				wall, used := runCmd(dir, c)
				times[i] = append(times[i], wall)
				cpu[i] = append(cpu[i], used)
			}
		}
		fmt.Printf("| %s | %d | %d | %s | %s | %.2f× | %.2f× |", name, packages(dir, pattern), n,
			summary(times[0]), summary(times[1]),
			median(times[1]).Seconds()/median(times[0]).Seconds(), median(cpu[1]).Seconds()/median(cpu[0]).Seconds())
		if *old != "" {
			fmt.Printf(" %s |", summary(times[2]))
		}
		fmt.Println()
	}
	fmt.Printf("\n%d timed runs of each, alternating, after one untimed run each; wall: median (fastest–slowest);\n", *runs)
	fmt.Printf("CPU: median user+system time of the command and the processes it waited for (go vet's tool runs).\n")
}

// defaultTargets: a five-file module written to tmp, testdata/demo, and
// websocket from bench/fetch.sh's directory when it is there.
func defaultTargets(tmp string) []string {
	tiny := filepath.Join(tmp, "tiny")
	files := map[string]string{
		"go.mod":    "module tiny\n\ngo 1.25\n",
		"client.go": "package tiny\n\nimport \"net/http\"\n\n// Client has no Timeout (timeouts).\nvar Client = &http.Client{}\n",
		"get.go":    "package tiny\n\nimport (\n\t\"io\"\n)\n\nfunc Get(u string) ([]byte, error) {\n\tresp, err := Client.Get(u)\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdefer resp.Body.Close()\n\treturn io.ReadAll(resp.Body)\n}\n",
		"server.go": "package tiny\n\nimport \"net/http\"\n\n// Serve has no timeouts (timeouts).\nfunc Serve(h http.Handler) error {\n\treturn http.ListenAndServe(\":8080\", h)\n}\n",
		"req.go":    "package tiny\n\nimport (\n\t\"context\"\n\t\"net/http\"\n)\n\n// Req drops ctx (reqctx).\nfunc Req(ctx context.Context, u string) (*http.Request, error) {\n\treturn http.NewRequest(http.MethodGet, u, nil)\n}\n",
		"util.go":   "package tiny\n\nimport \"strings\"\n\nfunc Join(parts []string) string { return strings.Join(parts, \"/\") }\n",
	}
	for name, content := range files {
		if err := os.MkdirAll(tiny, 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tiny, name), []byte(content), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	targets := []string{"tiny=" + tiny, "demo=.:./testdata/demo"}
	corpus := cmp.Or(os.Getenv("HTTPVET_CORPUS"), "/tmp/httpvet-corpus")
	if ws := filepath.Join(corpus, "websocket"); exists(filepath.Join(ws, "go.mod")) {
		targets = append(targets, "websocket="+ws)
	} else {
		log.Printf("no %s: run bash bench/fetch.sh websocket to time it too", ws)
	}
	return targets
}

// runCmd runs c in dir and returns its wall time and CPU time (its own
// and that of the children it waited for, as wait4 counts it); findings
// and their exit statuses are expected, so only a failure to start is
// fatal.
func runCmd(dir string, c []string) (wall, cpu time.Duration) {
	cmd := exec.Command(c[0], c[1:]...)
	cmd.Dir = dir
	start := time.Now()
	err := cmd.Run()
	wall = time.Since(start)
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		log.Fatalf("%s: %v", strings.Join(c, " "), err)
	}
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// sameFindings checks that httpvet -json and go vet -json report the same
// findings, and returns how many.
func sameFindings(dir, bin, pattern string) int {
	vet := findings(dir, "go", "vet", "-vettool="+bin, "-json", pattern)
	alone := findings(dir, bin, "-json", pattern)
	if !reflect.DeepEqual(vet, alone) {
		log.Fatalf("%s: findings differ:\ngo vet:  %q\nhttpvet: %q", dir, vet, alone)
	}
	return len(vet)
}

// findings are the sorted "posn: message" of a -json stream; the command
// must succeed (with -json, findings are no failure).
func findings(dir string, c ...string) []string {
	cmd := exec.Command(c[0], c[1:]...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		log.Fatalf("%s in %s: %v", strings.Join(c, " "), dir, err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	list := []string{}
	for {
		var tree map[string]map[string][]struct{ Posn, Message string }
		if err := dec.Decode(&tree); err != nil {
			break
		}
		for _, byAnalyzer := range tree {
			for _, fs := range byAnalyzer {
				for _, f := range fs {
					list = append(list, f.Posn+": "+f.Message)
				}
			}
		}
	}
	slices.Sort(list)
	return slices.Compact(list)
}

// packages counts the packages pattern matches in dir.
func packages(dir, pattern string) int {
	cmd := exec.Command("go", "list", pattern)
	cmd.Dir = dir
	out, _ := cmd.Output()
	return strings.Count(string(out), "\n")
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func summary(ds []time.Duration) string {
	return fmt.Sprintf("%.2f (%.2f–%.2f)", median(ds).Seconds(), slices.Min(ds).Seconds(), slices.Max(ds).Seconds())
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
