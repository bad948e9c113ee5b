package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/httpvet/httpvet/bench/internal/vetrun"
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
// (files absolute) and the errors it printed for packages that did not
// load or analyze.
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
	parsed, nerrs := vetrun.ParseJSON(out, "")
	if len(out) == 0 && err != nil {
		return nil, nil, fmt.Errorf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, stderr.Bytes())
	}
	var findings []finding
	for _, f := range parsed {
		file, line := splitPosn(f.Posn)
		findings = append(findings, finding{analyzer: f.Analyzer, file: file, line: line, message: f.Message})
	}
	var errs []string
	if nerrs > 0 {
		errs = append(errs, strings.TrimSpace(vetrun.ErrorEntries(out)))
	}
	if err != nil {
		// Exit 1: a package did not load or an analyzer failed; stderr says which.
		errs = append(errs, strings.TrimSpace(stderr.String()))
	}
	return findings, errs, nil
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
