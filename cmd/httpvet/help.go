package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/internal/docs"
)

// moduleVersion is httpvet's module version from the build info: v1.2.3
// after go install …@v1.2.3, the commit's pseudo-version when built in a
// git clone, (devel) without VCS information or with a replace to a
// directory.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	return versionOf(bi)
}

// versionOf returns the version of httpvet's module in bi: the main module
// (go install, go build in a clone), or a dependency (go tool in another
// module, another command that links httpvet's driver).
func versionOf(bi *debug.BuildInfo) string {
	mods := append([]*debug.Module{&bi.Main}, bi.Deps...)
	for _, m := range mods {
		if m.Path != modulePath {
			continue
		}
		if m.Replace != nil {
			m = m.Replace // a directory (Version "") is a clone
		}
		if m.Version == "" {
			return "(devel)"
		}
		return m.Version
	}
	return "(devel)"
}

const modulePath = "github.com/httpvet/httpvet"

func printVersion(w io.Writer) {
	fmt.Fprintf(w, "httpvet %s %s %s/%s\n", moduleVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// summary is the one-line summary of a, from the "name: summary" first
// line of its Doc.
func summary(a *analysis.Analyzer) string {
	first, _, _ := strings.Cut(a.Doc, "\n")
	return strings.TrimPrefix(first, a.Name+": ")
}

const helpText = `httpvet finds net/http mistakes that leak connections, defeat keep-alive
and hang requests, and offers a fix for each.

Analyzers (httpvet help NAME for one's documentation and flags):

%s
Three ways to run it:

	httpvet [flags] ./...                      standalone: runs go vet with itself as the tool
	go vet -vettool=$(which httpvet) ./...     as go vet's analysis tool
	go tool httpvet ./...                      as a tool of your module: see Install in
	                                           the README (from a clone until published)
	                                           (go vet -vettool=$(go tool -n httpvet) ./... too)

golangci-lint (module plugin %s/golangci) and a gopls with the suite
built in: see %s#readme.

Flags:

	-NAME=false      turn analyzer NAME off; -NAME alone runs only the analyzers named so
	-NAME.FLAG=VALUE set an analyzer's flag (httpvet help NAME lists them)
%s
Suppress a finding with a comment on its line or the line above:

	//httpvet:ignore NAME[,NAME] reason     (or "all"; the reason is required)

Findings in generated files (// Code generated … DO NOT EDIT.) are never reported.

Exit status (standalone):

	0  nothing found (with -fix: nothing left after fixing)
	3  findings (with -fix: findings that could not be fixed)
	1  packages that do not load, parse or type-check, or an analyzer error;
	   errors win over findings, and findings in such packages are not printed
	2  a bad flag or argument
	With -json or -sarif the findings are in the output: 0 unless an error occurred.
	Under go vet, go vet sets the status: 1 on findings or errors.
`

// help prints httpvet's help, or the documentation of the analyzers named
// in args.
func help(w io.Writer, fs *flag.FlagSet, args []string) int {
	if len(args) == 0 {
		var list strings.Builder
		for _, a := range analyzers.Suite {
			fmt.Fprintf(&list, "\t%-13s %s\n", a.Name, summary(a))
		}
		var flags strings.Builder
		fs.VisitAll(func(f *flag.Flag) {
			if isAnalyzerFlag(f.Name) || f.Usage == "" {
				return
			}
			name := "-" + f.Name
			valueName, usage := flag.UnquoteUsage(f)
			if valueName != "" {
				name += "=" + strings.ToUpper(valueName)
			}
			fmt.Fprintf(&flags, "\t%-16s %s\n", name, usage)
		})
		fmt.Fprintf(w, helpText, list.String(), modulePath, "https://"+modulePath, flags.String())
		return 0
	}
	for i, name := range args {
		a := lookup(name)
		if a == nil {
			var names []string
			for _, a := range analyzers.Suite {
				names = append(names, a.Name)
			}
			fmt.Fprintf(w, "httpvet: no analyzer %q (the analyzers are %s)\n", name, strings.Join(names, ", "))
			return 2
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, strings.TrimSpace(a.Doc))
		fmt.Fprintf(w, "\nReference: %s\n", a.URL)
		if _, ok := docs.FlagsSection(a.Doc); ok {
			continue // the doc's table, which a test checks against a.Flags
		}
		var flags strings.Builder
		a.Flags.VisitAll(func(f *flag.Flag) {
			fmt.Fprintf(&flags, "\t-%s.%s=%s\n\t\t%s\n", a.Name, f.Name, f.DefValue, f.Usage)
		})
		if flags.Len() > 0 {
			fmt.Fprintf(w, "\nFlags (httpvet -%[1]s.FLAG=VALUE, or the same after go vet -vettool=…):\n\n%s", a.Name, flags.String())
		}
	}
	return 0
}

func lookup(name string) *analysis.Analyzer {
	for _, a := range analyzers.Suite {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// isAnalyzerFlag reports whether name is -NAME or -NAME.FLAG of an analyzer.
func isAnalyzerFlag(name string) bool {
	prefix, _, _ := strings.Cut(name, ".")
	return lookup(prefix) != nil
}
