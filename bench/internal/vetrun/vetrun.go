// Package vetrun runs the go command and vet tools for the bench
// commands and reads what they print: a measured run of one command, and
// go vet's -json stream of findings and analyzer errors.
package vetrun

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/httpvet/httpvet/internal/strict"
)

// A Run is one command, measured with its children.
type Run struct {
	Wall, CPU time.Duration
	RSSKB     int64 // the largest process of the tree
	RC        int   // exit code; -1 if the command did not start
	Stdout    []byte
	Stderr    []byte
}

// Panicked reports whether a process of the run crashed.
func (r Run) Panicked() bool {
	return bytes.Contains(r.Stderr, []byte("panic:")) || bytes.Contains(r.Stderr, []byte("fatal error:"))
}

// Timed runs a command in dir, with env added to the environment, and
// measures it, its children included.
func Timed(dir string, env []string, name string, args ...string) Run {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := Run{Wall: time.Since(start), Stdout: stdout.Bytes(), Stderr: stderr.Bytes()}
	if cmd.ProcessState == nil {
		r.RC = -1
		r.Stderr = append(r.Stderr, err.Error()...)
		return r
	}
	r.RC = cmd.ProcessState.ExitCode()
	r.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.RSSKB = ru.Maxrss // Linux folds the reaped children's peaks in
	}
	return r
}

// A Finding is one diagnostic, deduplicated across package variants.
type Finding struct {
	Analyzer, Posn, Message string
	Fixable                 bool
}

// ParseJSON reads a stream of go vet -json trees (package → analyzer →
// diagnostics or error) and returns the diagnostics, deduplicated across
// package variants and sorted, with positions relative to dir, and the
// number of analyzer errors (and undecodable trees). Messages are plain:
// go vet's JSON carries a contract finding's class as strict.Marker in
// the message, the standalone command's in a field of its own.
func ParseJSON(out []byte, dir string) (all []Finding, errs int) {
	type diag struct {
		Posn           string            `json:"posn"`
		Message        string            `json:"message"`
		SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
	}
	seen := make(map[Finding]bool)
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err != nil {
			if err != io.EOF {
				errs++
			}
			break
		}
		for _, byAnalyzer := range tree {
			for a, raw := range byAnalyzer {
				var ds []diag
				if err := json.Unmarshal(raw, &ds); err != nil {
					errs++ // {"error": "..."}
					continue
				}
				for _, d := range ds {
					posn := d.Posn
					if rel, err := filepath.Rel(dir, posn); err == nil && !strings.HasPrefix(rel, "..") {
						posn = rel
					}
					f := Finding{Analyzer: a, Posn: posn, Message: strings.TrimSuffix(d.Message, strict.Marker), Fixable: len(d.SuggestedFixes) > 0}
					if !seen[f] {
						seen[f] = true
						all = append(all, f)
					}
				}
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Analyzer != all[j].Analyzer {
			return all[i].Analyzer < all[j].Analyzer
		}
		return all[i].Posn < all[j].Posn
	})
	return all, errs
}

// ErrorEntries returns the analyzer errors of a go vet -json stream, one
// per line.
func ErrorEntries(out []byte) string {
	var b strings.Builder
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if dec.Decode(&tree) != nil {
			break
		}
		for pkg, byAnalyzer := range tree {
			for a, raw := range byAnalyzer {
				if len(raw) > 0 && raw[0] == '{' {
					fmt.Fprintf(&b, "%s: %s: %s\n", pkg, a, raw)
				}
			}
		}
	}
	return b.String()
}

// TSV lists findings one per line: analyzer, position, message.
func TSV(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", f.Analyzer, f.Posn, f.Message)
	}
	return b.String()
}

// Tail is the end of a command's output, short enough for a log.
func Tail(b []byte) string {
	const n = 4000
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}
