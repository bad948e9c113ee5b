package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
)

// The standalone command is a front end to go vet: it runs
//
//	go vet -vettool=<this executable> [flags] -json PATTERNS
//
// and renders go vet's JSON. go vet loads the packages, type-checks them
// against the build cache's export data and keeps each package's facts and
// findings in its cache, keyed on the tool's build ID and flags, so a run on
// an unchanged module re-analyzes nothing: the findings, flags and errors
// are go vet's, at go vet's speed. go/packages, the loader this replaced,
// needs the go command too (it runs go list), so there is nothing to fall
// back to without one.

// A vetRun is a go vet invocation, to run once or, after -fix, again.
type vetRun struct {
	gocmd    string   // the go command
	exe      string   // this executable, the vet tool
	flags    []string // -tags, -test and the analyzer flags, as go vet takes them
	patterns []string
}

// A finding is one diagnostic of go vet's JSON, with the package and
// analyzer it is listed under.
type finding struct {
	pkg, analyzer string
	jsonFinding
	posn, end position
}

// A position is a "file:line:col" of go vet's JSON, parsed.
type position struct {
	file      string
	line, col int
}

// results are what one go vet run found.
type results struct {
	findings []*finding
	errors   []string // lines go vet printed on stderr, and analyzer errors
	failed   bool     // go vet exited non-zero (a package or pattern did not load), or an analyzer failed
}

// goCommand finds the go command: standalone httpvet cannot run without it.
func goCommand() (string, error) {
	gocmd, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("the go command is not on PATH: standalone httpvet runs go vet with itself as the vet tool (%v)", err)
	}
	return gocmd, nil
}

// args are go vet's arguments. -json comes after the flags: go vet passes
// both to the tool and keys its cache on them in order, and in its text
// mode it appends -json to the flags given, so httpvet and
// go vet -vettool=httpvet with the same flags share the cache.
func (v *vetRun) args() []string {
	args := append([]string{"vet", "-vettool=" + v.exe}, v.flags...)
	args = append(args, "-json", "--")
	return append(args, v.patterns...)
}

// run runs go vet and decodes its output.
func (v *vetRun) run() (results, error) {
	cmd := exec.Command(v.gocmd, v.args()...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return results{}, fmt.Errorf("running go vet: %v", err)
	}
	res := results{failed: err != nil, errors: errorLines(stderr.String())}
	if err := res.decode(&stdout); err != nil {
		return results{}, fmt.Errorf("reading go vet -json: %v", err)
	}
	res.sort()
	return res, nil
}

// decode reads go vet's -json stream: one object per package analyzed,
// mapping its ID to analyzer names to a list of findings or an error.
func (res *results) decode(r io.Reader) error {
	dec := json.NewDecoder(r)
	type key struct {
		analyzer, posn, end, message string
	}
	seen := make(map[key]bool)
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		for pkg, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var list []jsonFinding
				if err := json.Unmarshal(raw, &list); err != nil {
					var e struct{ Error string }
					if json.Unmarshal(raw, &e) != nil {
						return err
					}
					res.errors = append(res.errors, fmt.Sprintf("httpvet: %s: %s: %s", pkg, analyzer, e.Error))
					res.failed = true
					continue
				}
				for _, jf := range list {
					// go vet analyzes each file once, but patterns may
					// name a package twice over the test variants.
					k := key{analyzer, jf.Posn, jf.End, jf.Message}
					if seen[k] {
						continue
					}
					seen[k] = true
					res.findings = append(res.findings, &finding{
						pkg: pkg, analyzer: analyzer, jsonFinding: jf,
						posn: parsePosition(jf.Posn), end: parsePosition(jf.End),
					})
				}
			}
		}
	}
}

// sort puts the findings in position order, as go vet prints them.
func (res *results) sort() {
	slices.SortStableFunc(res.findings, func(a, b *finding) int {
		return cmp.Or(
			cmp.Compare(a.posn.file, b.posn.file),
			cmp.Compare(a.posn.line, b.posn.line),
			cmp.Compare(a.posn.col, b.posn.col),
			cmp.Compare(a.analyzer, b.analyzer),
			cmp.Compare(a.Message, b.Message))
	})
}

// parsePosition parses "file:line:col" (or "file:line", or "file"); the
// file name may itself hold colons (a Windows drive).
func parsePosition(s string) position {
	var p position
	rest := s
	var nums []int
	for range 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			break
		}
		nums = append(nums, n)
		rest = rest[:i]
	}
	p.file = rest
	switch len(nums) {
	case 2:
		p.line, p.col = nums[1], nums[0]
	case 1:
		p.line = nums[0]
	}
	return p
}

// errorLines turns go vet's stderr into the lines to print: one line per
// error, as the compiler prints them. go vet heads the output of each
// failed tool run with "# package" and the tool prefixes a parse or type
// error with its name; for such a one-line error, both go, and the error
// is its "file:line:col: message" alone. Other output (a crash, an error
// without a position) is kept whole, under its header.
func errorLines(stderr string) []string {
	var out []string
	lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
	if len(lines) == 1 && lines[0] == "" {
		return nil
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if !strings.HasPrefix(line, "# ") {
			out = append(out, line)
			continue
		}
		end := i + 1
		for end < len(lines) && !strings.HasPrefix(lines[end], "# ") {
			end++
		}
		if trimmed := trimToolPrefix(lines[i+1]); end-i == 2 && trimmed != lines[i+1] {
			out = append(out, trimmed)
		} else {
			out = append(out, lines[i:end]...)
		}
		i = end - 1
	}
	return out
}

// trimToolPrefix removes "name: " that log.Fatal puts before an error
// that starts with a position, "file:line:col: ".
func trimToolPrefix(line string) string {
	name, rest, ok := strings.Cut(line, ": ")
	if !ok || strings.ContainsAny(name, `/\ `) {
		return line
	}
	posn, _, ok := strings.Cut(rest, ": ")
	if p := parsePosition(posn); ok && p.line > 0 && p.file != "" {
		return rest
	}
	return line
}

// executable is the path of this program, the vet tool go vet runs.
func executable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot find httpvet's own executable to give go vet as its vet tool: %v", err)
	}
	return exe, nil
}
