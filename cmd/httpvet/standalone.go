package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/internal/strict"
)

// Exit statuses of the standalone driver.
const (
	exitClean    = 0
	exitError    = 1 // load, parse or type errors, analyzer errors
	exitUsage    = 2 // bad flags or arguments
	exitFindings = 3
)

// options are the standalone driver's flags.
type options struct {
	fix, diff, json, sarif, tests, version, strict bool
	format, tags                                   string
	context                                        int
}

// standalone runs httpvet on package patterns and returns the exit status.
func standalone(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("httpvet", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var opts options
	enabled := make(map[*analysis.Analyzer]*triState)
	for _, a := range analyzers.Suite {
		enable := new(triState)
		enabled[a] = enable
		fs.Var(enable, a.Name, "enable "+a.Name+" analysis")
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	fs.BoolVar(&opts.fix, "fix", false, "apply the first suggested fix of each finding (none where the fixes are alternatives that change what the program does), then print the findings left")
	fs.BoolVar(&opts.diff, "diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	fs.BoolVar(&opts.json, "json", false, "print findings as JSON (go vet's -json format); same as -format=json")
	fs.BoolVar(&opts.sarif, "sarif", false, "print findings as SARIF 2.1.0; same as -format=sarif")
	fs.StringVar(&opts.format, "format", "text", "output `format`: text, json or sarif")
	fs.IntVar(&opts.context, "c", -1, "with text output, show each finding's line and `N` lines of context around it")
	fs.BoolVar(&opts.tests, "test", true, testUsage)
	fs.BoolVar(&opts.strict, "strict", false, strict.Usage)
	fs.StringVar(&opts.tags, "tags", "", "comma-separated build `tags` to load the packages with")
	fs.BoolVar(&opts.version, "version", false, "print httpvet's module version and the Go version")

	usageError := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "httpvet: "+format+"\nRun 'httpvet help' for usage.\n", args...)
		return exitUsage
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return help(stdout, fs, nil)
		}
		return usageError("%v", err)
	}
	args = fs.Args()
	if opts.version || len(args) == 1 && args[0] == "version" {
		printVersion(stdout)
		return exitClean
	}
	if len(args) > 0 && args[0] == "help" {
		return help(stdout, fs, args[1:])
	}
	if len(args) == 0 {
		return usageError("no packages to analyze: httpvet [flags] PACKAGES… (for example ./...)")
	}
	switch {
	case opts.json && opts.sarif:
		return usageError("-json and -sarif are exclusive")
	case opts.json:
		opts.format = "json"
	case opts.sarif:
		opts.format = "sarif"
	}
	switch opts.format {
	case "text", "json", "sarif":
	default:
		return usageError("-format=%s: want text, json or sarif", opts.format)
	}
	if opts.diff && !opts.fix {
		return usageError("-diff needs -fix")
	}
	if opts.fix && opts.format != "text" {
		return usageError("-fix prints text: it takes no -%s", opts.format)
	}

	if len(selectAnalyzers(enabled)) == 0 {
		return usageError("every analyzer is turned off")
	}
	return analyze(vetFlags(fs, opts), args, opts, stdout, stderr)
}

// analyze runs go vet on patterns with flags and prints what it found.
func analyze(flags, patterns []string, opts options, stdout, stderr io.Writer) int {
	gocmd, err := goCommand()
	if err != nil {
		fmt.Fprintf(stderr, "httpvet: %v\n", err)
		return exitError
	}
	exe, err := executable()
	if err != nil {
		fmt.Fprintf(stderr, "httpvet: %v\n", err)
		return exitError
	}
	v := &vetRun{gocmd: gocmd, exe: exe, flags: flags, patterns: patterns}
	res, err := v.run()
	if err != nil {
		fmt.Fprintf(stderr, "httpvet: %v\n", err)
		return exitError
	}
	for _, e := range res.errors {
		fmt.Fprintln(stderr, e)
	}
	return report(res, v, opts, stdout, stderr)
}

// report prints the findings of res as opts ask and returns the exit
// status.
func report(res results, v *vetRun, opts options, stdout, stderr io.Writer) int {
	failed := res.failed
	code := exitClean
	switch {
	case opts.fix:
		left, ok := fix(res, v, opts.diff, stdout, stderr)
		failed = failed || !ok
		for _, l := range left {
			printText(stderr, l.finding, opts.context, l.why)
		}
		if len(left) > 0 {
			code = exitFindings
		}
	case opts.format == "json":
		if err := printJSON(stdout, res.findings); err != nil {
			fmt.Fprintf(stderr, "httpvet: %v\n", err)
			failed = true
		}
	case opts.format == "sarif":
		if err := printSARIF(stdout, res.findings, moduleRoot(v.gocmd)); err != nil {
			fmt.Fprintf(stderr, "httpvet: %v\n", err)
			failed = true
		}
	default:
		for _, f := range res.findings {
			printText(stderr, f, opts.context, "")
		}
		if len(res.findings) > 0 {
			code = exitFindings
		}
	}
	if failed {
		return exitError
	}
	return code
}

// vetFlags are the go vet flags for opts and the analyzer flags set on
// fs, each as -NAME=VALUE: go vet passes them to the vet tool as they
// are, and keys its cache on them.
func vetFlags(fs *flag.FlagSet, opts options) []string {
	var flags []string
	if opts.tags != "" {
		flags = append(flags, "-tags="+opts.tags)
	}
	if !opts.tests {
		flags = append(flags, "-test=false")
	}
	if opts.strict {
		flags = append(flags, "-strict")
	}
	fs.Visit(func(f *flag.Flag) {
		if isAnalyzerFlag(f.Name) {
			flags = append(flags, "-"+f.Name+"="+f.Value.String())
		}
	})
	return flags
}

// selectAnalyzers applies the -NAME flags: if any is true, only those
// analyzers run; otherwise all but those set to false.
func selectAnalyzers(enabled map[*analysis.Analyzer]*triState) []*analysis.Analyzer {
	anyTrue := false
	for _, ts := range enabled {
		anyTrue = anyTrue || *ts == setTrue
	}
	var keep []*analysis.Analyzer
	for _, a := range analyzers.Suite {
		if ts := *enabled[a]; ts == setTrue || !anyTrue && ts != setFalse {
			keep = append(keep, a)
		}
	}
	return keep
}

// printText prints f as go vet does, "file:line:col: message" (with
// strict.Marker after a contract finding's message), with context lines if context >= 0 and why after the message if not empty.
func printText(w io.Writer, f *finding, context int, why string) {
	msg := strict.Text(f.Message, f.Category)
	if why != "" {
		msg += ": " + why
	}
	fmt.Fprintf(w, "%s: %s\n", f.Posn, msg)
	if context < 0 || f.posn.file == "" {
		return
	}
	data, err := os.ReadFile(f.posn.file)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	first := max(f.posn.line-context, 1)
	last := min(max(f.end.line, f.posn.line)+context, len(lines))
	for i := first; i <= last; i++ {
		fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
	}
}

// A triState is an -NAME flag: unset, true or false.
type triState int

const (
	unset triState = iota
	setTrue
	setFalse
)

func (ts *triState) IsBoolFlag() bool { return true }
func (ts *triState) String() string {
	if *ts == setFalse {
		return "false"
	}
	return "true"
}
func (ts *triState) Set(value string) error {
	b, err := strconv.ParseBool(value)
	if err != nil {
		return errors.New("want true or false")
	}
	*ts = setFalse
	if b {
		*ts = setTrue
	}
	return nil
}
