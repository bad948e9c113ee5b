package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"
)

// The vet tool's -test flag. go vet has no flag to leave test files out:
// it analyzes each package with its _test.go files (and the external test
// package apart). With -test=false the tool drops the _test.go files from
// the unit before analyzing it, so standalone httpvet -test=false (which
// passes the flag on) and go vet -vettool=… -test=false analyze what
// go build compiles. go vet keys its cache on the tool's flags, so results
// with and without tests are kept apart.

const testUsage = "analyze _test.go files too (each analyzer may still skip them: see its flags)"

// testsOff reports whether args, the vet tool's flags before the .cfg
// file, turn tests off. The flag package parses them again, and rejects a
// bad value; here the last valid -test wins, as it does there.
func testsOff(args []string) bool {
	off := false
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != "test" {
			continue
		}
		if !hasValue {
			off = false
			continue
		}
		if b, err := strconv.ParseBool(value); err == nil {
			off = !b
		}
	}
	return off
}

// withoutTests writes a copy of the unit in cfgFile without its _test.go
// files, next to it, and returns its name. It returns "" when nothing is
// left to analyze (an external test package): the tool then has nothing
// to do. It returns cfgFile when the unit has no test files, or when the
// file does not read as a unit (unitchecker then says why).
func withoutTests(cfgFile string) string {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return cfgFile
	}
	var cfg unitchecker.Config
	if json.Unmarshal(data, &cfg) != nil {
		return cfgFile
	}
	var keep []string
	for _, f := range cfg.GoFiles {
		if !strings.HasSuffix(f, "_test.go") {
			keep = append(keep, f)
		}
	}
	switch len(keep) {
	case len(cfg.GoFiles):
		return cfgFile
	case 0:
		return ""
	}
	cfg.GoFiles = keep
	out, err := json.Marshal(&cfg)
	if err != nil {
		return cfgFile
	}
	name := filepath.Join(filepath.Dir(cfgFile), "httpvet-notest-"+filepath.Base(cfgFile))
	if os.WriteFile(name, out, 0o666) != nil {
		return cfgFile
	}
	return name
}
