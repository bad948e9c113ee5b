package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// rssWrapArg, first on the harness's command line, makes it the wrapper
// of one vet process: harness -rsswrap LOG TOOL ARGS... runs TOOL ARGS,
// then appends to LOG the process's maximum resident set and the package
// that go vet's config (the .cfg argument) names.
const rssWrapArg = "-rsswrap"

// rssWrap runs tool with args as go vet would have, and returns its exit
// code. go vet gives a tool one package per process, so the process's
// peak is that package's.
func rssWrap(log, tool string, args []string) int {
	cmd := exec.Command(tool, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState == nil {
		fmt.Fprintf(os.Stderr, "harness -rsswrap: %v\n", err)
		return 1
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		var cfg struct {
			ID, ImportPath string
			VetxOnly       bool
		}
		if data, err := os.ReadFile(args[len(args)-1]); err == nil && json.Unmarshal(data, &cfg) == nil {
			pkg := cfg.ID
			if pkg == "" {
				pkg = cfg.ImportPath
			}
			// One short write with O_APPEND: lines of parallel
			// processes do not interleave.
			if f, err := os.OpenFile(log, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
				fmt.Fprintf(f, "%d\t%t\t%s\n", ru.Maxrss, cfg.VetxOnly, pkg)
				f.Close()
			}
		}
	}
	return cmd.ProcessState.ExitCode()
}

// peakOf returns the largest process an rssWrap log records.
func peakOf(log string) peak {
	var p peak
	f, err := os.Open(log)
	if err != nil {
		return p
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.SplitN(sc.Text(), "\t", 3)
		if len(fields) != 3 {
			continue
		}
		kb, err := strconv.ParseInt(fields[0], 10, 64)
		if err == nil && kb > p.rssKB {
			p = peak{rssKB: kb, pkg: fields[2], dep: fields[1] == "true"}
		}
	}
	return p
}

// String formats p for the table: the package, "(dependency)" when it
// was analyzed for facts only, and the peak in MB.
func (p peak) String() string {
	if p.pkg == "" {
		return "–"
	}
	s := "`" + p.pkg + "`"
	if p.dep {
		s += " (dependency)"
	}
	return fmt.Sprintf("%s %d MB", s, (p.rssKB+512)/1024)
}

// peakTable lists, per module and tool, the package whose vet process
// had the largest resident set, measured in each tool's untimed run.
func peakTable(results []*result) string {
	var b strings.Builder
	b.WriteString("\nLargest vet process per tool (untimed run, each vet process under the harness: its maximum resident set):\n\n")
	b.WriteString("| module | tool | package, peak RSS |\n|---|---|---|\n")
	for _, r := range results {
		for _, t := range []string{"noop", "noopfacts", "httpvet", "bodyclose"} {
			if p, ok := r.peaks[t]; ok {
				fmt.Fprintf(&b, "| %s | %s | %s |\n", r.name, t, p)
			}
		}
	}
	return b.String()
}
