package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/internal/fixes"
)

// vet serves go vet: unitchecker analyzes the package a .cfg file
// describes, and answers -flags. httpvet answers -V=full itself, to put its
// module version in it. A bad flag value is one line on stderr and exit
// status 2, not the usage of every flag (go vet runs the tool once per
// package).
//
// The process analyzes one package and exits, and leaves the garbage
// collector alone: a collection forced before the analyzers (to keep the
// peak near the type checker's) cost 8% of httpvet's CPU over the
// packages of prometheus it analyzes, for 3-4% less peak memory.
func vet() {
	flag.CommandLine = flag.NewFlagSet("httpvet", flag.ExitOnError)
	flag.CommandLine.SetOutput(prefixWriter{os.Stderr})
	flag.CommandLine.Usage = func() {}
	flag.CommandLine.Var(vetVersion{}, "V", "print version and exit")
	if args := os.Args[1:]; len(args) > 0 && skipFactsOnly(args[len(args)-1]) {
		return
	}
	if fixMode(os.Args[1:]) {
		// unitchecker applies the first fix of each diagnostic: none
		// where the fixes are alternatives for the author to choose.
		for _, a := range analyzers.Suite {
			fixes.DefaultFixOnly(a)
		}
	}
	unitchecker.Main(analyzers.Suite...)
}

// fixMode reports whether go vet runs the tool to apply fixes: go vet -fix
// passes -fix before the .cfg file.
func fixMode(args []string) bool {
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		name, val, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "fix" && val != "false" {
			return true
		}
	}
	return false
}

// prefixWriter writes "httpvet: " before what the flag package prints.
type prefixWriter struct{ w io.Writer }

func (p prefixWriter) Write(b []byte) (int, error) {
	if _, err := fmt.Fprintf(p.w, "httpvet: %s", b); err != nil {
		return 0, err
	}
	return len(b), nil
}

// vetVersion is the -V flag of go vet's tool protocol. go vet reads
// "NAME version devel … buildID=ID" and keys its cache on ID, here a hash
// of the executable; the fields between are httpvet's module version and
// the Go version.
type vetVersion struct{}

func (vetVersion) IsBoolFlag() bool { return true }
func (vetVersion) String() string   { return "" }
func (vetVersion) Set(string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	h := sha256.New()
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return err
	}
	fmt.Printf("%s version devel httpvet@%s %s buildID=%02x\n", exe, moduleVersion(), runtime.Version(), h.Sum(nil))
	os.Exit(0)
	return nil
}
