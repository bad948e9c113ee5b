package main

import (
	"encoding/json"
	"os"
)

// vetUnit is the part of go vet's per-package configuration (the .cfg
// file unitchecker reads) that decides whether the package needs
// analyzing at all.
type vetUnit struct {
	ImportPath  string
	ImportMap   map[string]string // import path in source → package path
	PackageVetx map[string]string // package path → its facts file
	VetxOnly    bool              // a dependency: run only for its facts
	VetxOutput  string            // where to write this package's facts
}

// skipFactsOnly answers go vet's facts-only run of a dependency that
// cannot reach package net, without parsing or type-checking it: it
// writes an empty facts file and reports true.
//
// Every fact an analyzer of the suite exports is about code that uses net
// or net/http, except the engine's no-return facts, and the engine marks
// each package that reaches net with a package fact (engine.NetPackage),
// so the facts file of such a package is never empty. A package that
// imports neither net nor net/http, and none of whose direct imports has
// a non-empty facts file, therefore reaches no net: the only facts it
// could hold are no-return facts about its own functions, which the
// analyzers then do not see (the popular loggers' Fatal functions are
// known by name instead). On prometheus this is half the packages go vet
// runs the tool on.
func skipFactsOnly(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false
	}
	var u vetUnit
	if json.Unmarshal(data, &u) != nil || !u.VetxOnly || u.VetxOutput == "" || mayReachNet(u) {
		return false
	}
	return os.WriteFile(u.VetxOutput, nil, 0o666) == nil
}

// mayReachNet reports whether the package is net, imports net or
// net/http, or imports a package with facts.
func mayReachNet(u vetUnit) bool {
	if u.ImportPath == "net" {
		return true
	}
	for _, path := range u.ImportMap {
		if path == "net" || path == "net/http" {
			return true
		}
		file, ok := u.PackageVetx[path]
		if !ok {
			continue // no vet run (unsafe, C): no facts
		}
		st, err := os.Stat(file)
		if err != nil || st.Size() > 0 {
			return true
		}
	}
	return false
}
