package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// verdict is "ok" or what went wrong on the module.
func (r *record) verdict() string {
	if r.Skipped != "" {
		return "skipped: " + r.Skipped
	}
	var bad []string
	for _, m := range r.Modes {
		add := func(cond bool, what string) {
			if cond {
				bad = append(bad, m.Name+" "+what)
			}
		}
		add(m.Panics > 0, "panic")
		add(m.AnalyzerErrors > 0, "analyzer error")
		add(m.CausedLoadFail, "load failure")
		add(!m.VetAgrees, "go vet disagrees")
		add(m.Builds == "NO", "fix breaks build")
		add(m.Vets == "NO", "fix adds vet finding")
		add(m.Gofmt == "NO", "fix not gofmt-clean")
		add(m.Idempotent == "NO", "fix not idempotent")
	}
	if len(bad) == 0 {
		return "ok"
	}
	return strings.Join(bad, ", ")
}

// readRecords reads the records of the listed modules that have one.
func readRecords(dir string, mods []module) []*record {
	var recs []*record
	for _, m := range mods {
		data, err := os.ReadFile(filepath.Join(dir, m.name+".json"))
		if err != nil {
			continue
		}
		r := new(record)
		if json.Unmarshal(data, r) == nil {
			recs = append(recs, r)
		}
	}
	return recs
}

// render is the sweep's table, one row per module and mode, and its sums.
func render(recs []*record) string {
	var b strings.Builder
	b.WriteString("| module | pkgs | mode | no-op s | httpvet s | RSS MB | findings | fixable | panics | errors | load | go vet = standalone | files fixed | builds | vets | gofmt | 2nd -fix empty |\n")
	b.WriteString("|---|--:|---|--:|--:|--:|--:|--:|--:|--:|---|---|--:|---|---|---|---|\n")
	var panics, errs, caused, fixedFiles, bad int
	for _, r := range recs {
		if r.Skipped != "" {
			fmt.Fprintf(&b, "| %s %s | | skipped: %s |\n", r.Name, r.Version, r.Skipped)
			continue
		}
		for _, m := range r.Modes {
			load := "ok"
			switch {
			case m.CausedLoadFail:
				load = "**httpvet fails**"
			case r.LoadFails:
				load = "module's own errors"
			}
			fmt.Fprintf(&b, "| %s %s | %d | %s | %.0f | %.0f | %d | %d | %d | %d | %d | %s | %s | %d | %s | %s | %s | %s |\n",
				r.Name, r.Version, r.Packages, m.Name, r.FloorSeconds, m.Seconds, m.RSSMB, m.Findings, m.Fixable,
				m.Panics, m.AnalyzerErrors, load, yesNo(m.VetAgrees), m.FilesFixed, m.Builds, m.Vets, m.Gofmt, m.Idempotent)
			panics += m.Panics
			errs += m.AnalyzerErrors
			fixedFiles += m.FilesFixed
			if m.CausedLoadFail {
				caused++
			}
		}
		if r.verdict() != "ok" {
			bad++
		}
	}
	fmt.Fprintf(&b, "\n%d modules: %d panics, %d analyzer errors, %d load failures httpvet caused, %d files fixed; %d modules with a failure.\n",
		len(recs), panics, errs, caused, fixedFiles, bad)
	return b.String()
}
