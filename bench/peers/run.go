package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// download fetches module@version through the Go module proxy (go mod
// download) and returns its directory in the module cache.
func download(module, version string) (string, error) {
	tmp, err := os.MkdirTemp("", "httpvet-peers-dl")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("go", "mod", "download", "-json", module+"@"+version)
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s@%s: %v\n%s%s", module, version, err, out, stderr.Bytes())
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil {
		return "", err
	}
	if info.Error != "" || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s: %s", module, version, info.Error)
	}
	return info.Dir, nil
}

// writeGOPATH writes the packages under gopath/src.
func writeGOPATH(gopath string, pkgs []pkg) error {
	for _, p := range pkgs {
		dir := filepath.Join(gopath, "src", filepath.FromSlash(p.path))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for _, f := range p.files {
			if err := os.WriteFile(filepath.Join(dir, f.name), f.src, 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

// A finding is one diagnostic httpvet reported.
type finding struct {
	analyzer string
	file     string // absolute, as go vet prints it
	line     int
	message  string
}

// runHTTPVet runs the standalone httpvet on the analyzed packages of a
// GOPATH, in GOPATH mode (analysistest's layout: packages import each
// other by bare paths), with the given flags, and returns its findings
// and the errors it printed for packages that did not load or analyze.
func runHTTPVet(bin, gopath string, flags []string, pkgs []pkg) ([]finding, []string, error) {
	args := append(append([]string{}, flags...), "-json")
	for _, p := range pkgs {
		if p.analyze {
			args = append(args, p.path)
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = filepath.Join(gopath, "src")
	cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOPATH="+gopath, "GOFLAGS=", "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	findings, errs, perr := parseVetJSON(out)
	if perr != nil {
		return nil, nil, fmt.Errorf("%s %s: %v: %v\n%s", bin, strings.Join(args, " "), err, perr, stderr.Bytes())
	}
	if err != nil {
		// Exit 1: a package did not load or an analyzer failed; stderr says which.
		errs = append(errs, strings.TrimSpace(stderr.String()))
	}
	return findings, errs, nil
}

// parseVetJSON reads go vet's -json output: one or more objects mapping a
// package ID to analyzer names, each with a list of diagnostics or an
// error.
func parseVetJSON(out []byte) ([]finding, []string, error) {
	var findings []finding
	var errs []string
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			return findings, errs, nil
		} else if err != nil {
			return nil, nil, err
		}
		for pkgID, byAnalyzer := range tree {
			for analyzer, raw := range byAnalyzer {
				var failed struct{ Error string }
				if json.Unmarshal(raw, &failed) == nil && failed.Error != "" {
					errs = append(errs, fmt.Sprintf("%s: %s: %s", pkgID, analyzer, failed.Error))
					continue
				}
				var diags []struct{ Posn, Message string }
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, nil, fmt.Errorf("%s: %s: %v", pkgID, analyzer, err)
				}
				for _, d := range diags {
					file, line := splitPosn(d.Posn)
					findings = append(findings, finding{analyzer: analyzer, file: file, line: line, message: d.Message})
				}
			}
		}
	}
}

// splitPosn splits "file:line:col" (the file may contain colons).
func splitPosn(posn string) (string, int) {
	rest, _, ok := cutLast(posn, ":") // column
	if !ok {
		return posn, 0
	}
	file, lineText, ok := cutLast(rest, ":")
	if !ok {
		return posn, 0
	}
	line, err := strconv.Atoi(lineText)
	if err != nil {
		return posn, 0
	}
	return file, line
}

func cutLast(s, sep string) (string, string, bool) {
	i := strings.LastIndex(s, sep)
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}

// strictFlags returns the flags of strict mode: -strict when the binary
// knows it (its -help lists it), else the strictest per-analyzer flags,
// which -strict turns on.
func strictFlags(bin string) []string {
	out, _ := exec.Command(bin, "-help").CombinedOutput()
	for _, line := range strings.Split(string(out), "\n") {
		if f := strings.Fields(line); len(f) > 0 && (f[0] == "-strict" || strings.HasPrefix(f[0], "-strict=")) {
			return []string{"-strict"}
		}
	}
	return []string{
		"-bodyclose.drain=all", "-bodyclose.tests=true",
		"-reqctx.all=true",
		"-timeouts.idle-conn=true", "-timeouts.tests=true",
		"-getbody.tests=true",
	}
}
