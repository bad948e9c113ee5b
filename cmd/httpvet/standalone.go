package main

import (
	"cmp"
	"encoding/gob"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/httpvet/httpvet/analyzers"
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
	fix, diff, json, sarif, tests, version bool
	format, tags                           string
	context                                int
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
	fs.BoolVar(&opts.tests, "test", true, "analyze _test.go files too (each analyzer may still skip them: see its flags)")
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

	suite := selectAnalyzers(enabled)
	if len(suite) == 0 {
		return usageError("every analyzer is turned off")
	}
	// Analyzers turned off still have their fact types met in the
	// dependencies' facts of others: register them all.
	for _, a := range analyzers.Suite {
		for _, f := range a.FactTypes {
			gob.Register(f)
		}
	}

	pkgs, err := load(args, opts)
	if err != nil {
		fmt.Fprintf(stderr, "httpvet: %v\n", err)
		return exitError
	}
	failed := printLoadErrors(stderr, pkgs)

	graph, err := checker.Analyze(suite, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "httpvet: %v\n", err)
		return exitError
	}
	res := collect(graph)
	for _, e := range res.errors {
		fmt.Fprintln(stderr, e)
		failed = true
	}

	code := exitClean
	switch {
	case opts.fix:
		left, err := applyFixes(res.findings, opts.diff, stdout)
		if err != nil {
			fmt.Fprintf(stderr, "httpvet: %v\n", err)
			failed = true
		}
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
		if err := printSARIF(stdout, res.findings, moduleRoot(pkgs)); err != nil {
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

// load loads the packages matching patterns, with syntax for every
// package (the analyzers export facts), and their test variants when
// tests are on. The generated main packages of tests are dropped.
func load(patterns []string, opts options) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Tests: opts.tests,
	}
	if opts.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + opts.tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	pkgs = slices.DeleteFunc(pkgs, func(p *packages.Package) bool {
		return opts.tests && p.Name == "main" && strings.HasSuffix(p.ID, ".test")
	})
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return pkgs, nil
}

// printLoadErrors prints the errors of the packages and their
// dependencies, once each, and reports whether there were any.
func printLoadErrors(w io.Writer, pkgs []*packages.Package) bool {
	seen := make(map[string]bool)
	found := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			msg := e.Error()
			if seen[msg] {
				continue
			}
			seen[msg] = true
			found = true
			fmt.Fprintln(w, msg)
		}
	})
	return found
}

// A finding is one diagnostic to print, once even when the package's test
// variant reports it again.
type finding struct {
	analyzer *analysis.Analyzer
	pkg      *packages.Package
	diag     analysis.Diagnostic
	posn     token.Position // of diag.Pos, adjusted by //line directives
	end      token.Position
}

type results struct {
	findings []*finding
	errors   []string
}

// collect gathers the findings of the root actions in position order,
// without duplicates, leaving out packages that did not type-check: errors
// win over findings, and findings on broken code are not printed as if it
// were not.
func collect(g *checker.Graph) results {
	var res results
	type key struct {
		analyzer  *analysis.Analyzer
		posn, end token.Position
		message   string
	}
	seen := make(map[key]*finding)
	seenErr := make(map[string]bool)
	for act := range g.All() {
		if act.Package.IllTyped {
			continue // the load errors are printed
		}
		if act.Err != nil {
			msg := fmt.Sprintf("httpvet: %s: %s: %v", act.Package.ID, act.Analyzer.Name, act.Err)
			if !seenErr[msg] {
				seenErr[msg] = true
				res.errors = append(res.errors, msg)
			}
			continue
		}
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			f := &finding{
				analyzer: act.Analyzer,
				pkg:      act.Package,
				diag:     d,
				posn:     fset.Position(d.Pos),
				end:      fset.Position(cmp.Or(d.End, d.Pos)),
			}
			k := key{f.analyzer, f.posn, f.end, d.Message}
			if prev := seen[k]; prev != nil {
				// Report it under the package, not its test variant.
				if strings.Contains(prev.pkg.ID, " [") && !strings.Contains(f.pkg.ID, " [") {
					prev.pkg = f.pkg
				}
				continue
			}
			seen[k] = f
			res.findings = append(res.findings, f)
		}
	}
	slices.SortStableFunc(res.findings, func(a, b *finding) int {
		return cmp.Or(
			cmp.Compare(a.posn.Filename, b.posn.Filename),
			cmp.Compare(a.posn.Offset, b.posn.Offset),
			cmp.Compare(a.analyzer.Name, b.analyzer.Name),
			cmp.Compare(a.diag.Message, b.diag.Message))
	})
	return res
}

// printText prints f as go vet does, "file:line:col: message", with
// context lines if context >= 0 and why after the message if not empty.
func printText(w io.Writer, f *finding, context int, why string) {
	msg := f.diag.Message
	if why != "" {
		msg += ": " + why
	}
	fmt.Fprintf(w, "%s: %s\n", f.posn, msg)
	if context < 0 || f.posn.Filename == "" {
		return
	}
	data, err := os.ReadFile(f.posn.Filename)
	if err != nil {
		return
	}
	lines := strings.Split(string(data), "\n")
	first := max(f.posn.Line-context, 1)
	last := min(max(f.end.Line, f.posn.Line)+context, len(lines))
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
