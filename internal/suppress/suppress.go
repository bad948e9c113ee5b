// Package suppress implements httpvet's suppression directive, which works
// the same under every driver (go vet, the standalone checker,
// golangci-lint and gopls):
//
//	//httpvet:ignore getbody,timeouts the search API takes a GET body
//
// A directive applies to diagnostics of the named analyzers (or "all")
// reported on its own line or on the line below it. The reason after the
// names is required: a directive without one suppresses nothing and is
// itself reported by each analyzer it names. A nested "//" ends the
// directive, so a comment may follow it on the same line.
//
// Every httpvet analyzer reports through [Report], which also drops
// diagnostics in generated files (see [ast.IsGenerated]).
package suppress

import (
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Prefix starts a suppression directive comment.
const Prefix = "//httpvet:ignore"

// Analyzer indexes the suppression directives and generated files of a
// package once, for every httpvet analyzer that requires it.
var Analyzer = &analysis.Analyzer{
	Name:             "httpvetsuppress",
	Doc:              "index //httpvet:ignore directives and generated files for httpvet analyzers",
	URL:              "https://github.com/httpvet/httpvet#suppressing-a-diagnostic",
	Run:              run,
	ResultType:       reflect.TypeFor[*Index](),
	RunDespiteErrors: true,
}

// A Directive is one //httpvet:ignore comment.
type Directive struct {
	Pos    token.Pos
	End    token.Pos
	Names  []string // analyzer names, or "all"
	Reason string
}

// Names reports whether d applies to the analyzer called name.
func (d *Directive) names(name string) bool {
	for _, n := range d.Names {
		if n == name || n == "all" {
			return true
		}
	}
	return false
}

// Index is the result of [Analyzer].
type Index struct {
	// directives by file and line; only well-formed ones
	lines map[*token.File]map[int][]*Directive
	// generated files, whose diagnostics are dropped
	generated map[*token.File]bool
	// Malformed lists the directives that lack names or a reason.
	Malformed []*Directive
}

func run(pass *analysis.Pass) (any, error) {
	idx := &Index{
		lines:     make(map[*token.File]map[int][]*Directive),
		generated: make(map[*token.File]bool),
	}
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		if ast.IsGenerated(f) {
			idx.generated[tf] = true
		}
		for _, group := range f.Comments {
			for _, c := range group.List {
				d, ok := parse(c)
				if !ok {
					continue
				}
				if len(d.Names) == 0 || d.Reason == "" {
					idx.Malformed = append(idx.Malformed, d)
					continue
				}
				byLine := idx.lines[tf]
				if byLine == nil {
					byLine = make(map[int][]*Directive)
					idx.lines[tf] = byLine
				}
				line := tf.Line(c.Slash)
				byLine[line] = append(byLine[line], d)
			}
		}
	}
	return idx, nil
}

// parse parses c if it is a directive.
func parse(c *ast.Comment) (*Directive, bool) {
	rest, ok := strings.CutPrefix(c.Text, Prefix)
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return nil, false
	}
	d := &Directive{Pos: c.Slash, End: c.End()}
	// A nested "//" ends the directive: what follows comments on it.
	if i := strings.Index(rest, "//"); i >= 0 {
		rest = rest[:i]
	}
	fields := strings.Fields(rest)
	if len(fields) > 0 {
		for _, n := range strings.Split(fields[0], ",") {
			if n != "" {
				d.Names = append(d.Names, n)
			}
		}
		d.Reason = strings.Join(fields[1:], " ")
	}
	return d, true
}

// suppressed reports whether a diagnostic of analyzer name at pos is
// suppressed by a directive or lies in a generated file.
func (idx *Index) suppressed(fset *token.FileSet, name string, pos token.Pos) bool {
	tf := fset.File(pos)
	if tf == nil {
		return false
	}
	if idx.generated[tf] {
		return true
	}
	byLine := idx.lines[tf]
	if byLine == nil {
		return false
	}
	line := tf.Line(pos)
	for _, l := range []int{line, line - 1} {
		for _, d := range byLine[l] {
			if d.names(name) {
				return true
			}
		}
	}
	return false
}

// Report reports d unless a directive suppresses it or it lies in a
// generated file. Every httpvet analyzer reports through it.
func Report(pass *analysis.Pass, d analysis.Diagnostic) {
	idx, _ := pass.ResultOf[Analyzer].(*Index)
	if idx != nil && idx.suppressed(pass.Fset, pass.Analyzer.Name, d.Pos) {
		return
	}
	pass.Report(d)
}

// Reportf is like [Report] for a diagnostic without fixes at rng.
func Reportf(pass *analysis.Pass, rng analysis.Range, format string, args ...any) {
	Report(pass, analysis.Diagnostic{Pos: rng.Pos(), End: rng.End(), Message: fmt.Sprintf(format, args...)})
}

// ReportMalformed reports the malformed directives that concern the
// running analyzer: those that name it (or "all") without a reason, and
// those that name no analyzer at all. Each analyzer calls it once, first
// thing in its run function.
func ReportMalformed(pass *analysis.Pass) {
	idx, _ := pass.ResultOf[Analyzer].(*Index)
	if idx == nil {
		return
	}
	for _, d := range idx.Malformed {
		switch {
		case len(d.Names) == 0:
			pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End,
				Message: "httpvet:ignore directive names no analyzer: write //httpvet:ignore <analyzer>[,<analyzer>] <reason>"})
		case d.names(pass.Analyzer.Name):
			pass.Report(analysis.Diagnostic{Pos: d.Pos, End: d.End,
				Message: "httpvet:ignore directive needs a reason after the analyzer names; it suppresses nothing without one"})
		}
	}
}
