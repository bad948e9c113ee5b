package main

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/strict"
)

// vet serves go vet: unitchecker analyzes the package a .cfg file
// describes, and answers -flags. httpvet answers -V=full itself, to put its
// module version in it, and adds -test (vettests.go) and -strict.
//
// The process analyzes one package and exits, and leaves the garbage
// collector alone: a collection forced before the analyzers (to keep the
// peak near the type checker's) cost 8% of httpvet's CPU over the
// packages of prometheus it analyzes, for 3-4% less peak memory.
func vet() {
	args := os.Args[1:]
	var cfgFile string
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		cfgFile = args[len(args)-1]
	}
	flag.CommandLine = flag.NewFlagSet("httpvet", flag.ExitOnError)
	badFlag := new(bytes.Buffer)
	flag.CommandLine.SetOutput(badFlag)
	flag.CommandLine.Usage = func() { reportBadFlag(badFlag.String(), cfgFile) }
	flag.CommandLine.Var(vetVersion{}, "V", "print version and exit")
	flag.CommandLine.Bool("test", true, testUsage)
	flag.CommandLine.Var(strict.Flag(), "strict", strict.Usage)
	if cfgFile == "" {
		unitchecker.Main(analyzers.Suite...)
		return
	}
	if skipFactsOnly(cfgFile) {
		return
	}
	if testsOff(args[:len(args)-1]) {
		cfgFile = withoutTests(cfgFile)
		if cfgFile == "" {
			return // an external test package: nothing but tests
		}
		os.Args[len(os.Args)-1] = cfgFile
	}
	// go vet always runs its tool with -json and prints the text output
	// itself, the message alone: the class goes in the message, whichever
	// output the user asked for (-json also carries the Category). The
	// standalone driver takes the marker out of its JSON and SARIF.
	for _, a := range analyzers.Suite {
		strict.MarkText(a)
	}
	if boolFlag(os.Args[1:], "fix") {
		// unitchecker applies the first fix of each diagnostic: none
		// where the fixes are alternatives for the author to choose.
		for _, a := range analyzers.Suite {
			fixes.DefaultFixOnly(a)
		}
	}
	unitchecker.Main(analyzers.Suite...)
}

// reportBadFlag prints the flag package's error, msg, as one line on
// stderr, and exits 2: not the usage of every flag.
//
// go vet runs the tool once per package, the packages in parallel, and
// goes on after one fails: nothing the tool does stops it, so each run
// would print the same line. The runs of one go vet share its work
// directory (the .cfg file is $WORK/bNNN/vet.cfg): the first run to fail
// creates a marker there and prints the error, and the others exit 0
// without analyzing. go vet still fails, on the first, and caches the
// others' empty results under the bad flag value only (its cache key holds
// the tool's flags), where no run with valid flags reads them.
func reportBadFlag(msg, cfgFile string) {
	if msg == "" {
		return // -help: the flag package exits 0
	}
	if work := goWorkDir(cfgFile); work != "" {
		f, err := os.OpenFile(filepath.Join(work, "httpvet-bad-flag"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o666)
		if errors.Is(err, fs.ErrExist) {
			os.Exit(0) // another run reported it
		}
		if err == nil {
			f.Close()
		}
	}
	fmt.Fprintf(os.Stderr, "httpvet: %s", msg)
	os.Exit(2)
}

// goWorkDir returns the go command's work directory that holds cfgFile,
// $WORK/bNNN/vet.cfg, or "" if cfgFile is not in one: the directory is
// the go command's own, made for this one run (os.MkdirTemp "go-build").
func goWorkDir(cfgFile string) string {
	if cfgFile == "" {
		return ""
	}
	action := filepath.Dir(cfgFile)
	work := filepath.Dir(action)
	b := filepath.Base(action)
	if !strings.HasPrefix(filepath.Base(work), "go-build") || len(b) < 2 || b[0] != 'b' || strings.Trim(b[1:], "0123456789") != "" {
		return ""
	}
	return work
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

// boolFlag reports whether go vet passes the boolean flag name, before the
// .cfg file: -fix when it runs the tool to apply fixes.
func boolFlag(args []string, name string) bool {
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		n, val, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if n == name && val != "false" {
			return true
		}
	}
	return false
}
