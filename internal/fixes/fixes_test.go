package fixes_test

import (
	"flag"
	"go/ast"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/fixes/fixtest"
)

// fake offers fixes built with the helpers:
//   - useIO() becomes io.EOF (AddImport);
//   - useNetTime() becomes net.ErrClosed == nil && time.Second > 0 (AddImports);
//   - drop(x) becomes nil (RemovedImports);
//   - the statement del() is deleted (DeleteStmt).
var fake = &analysis.Analyzer{
	Name: "fake",
	Doc:  "exercise the fix helpers",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ExprStmt:
					if call, ok := n.X.(*ast.CallExpr); ok && name(call) == "del" {
						if edit, ok := fixes.DeleteStmt(pass, n); ok {
							report(pass, call, "delete", edit)
						} else {
							pass.Reportf(call.Pos(), "del: not alone")
						}
					}
				case *ast.CallExpr:
					switch name(n) {
					case "useIO":
						file := fixes.File(pass, n.Pos())
						local, edits, ok := fixes.AddImport(pass.TypesInfo, pass.Pkg, file, n.Pos(), "io", "io")
						if !ok {
							pass.Reportf(n.Pos(), "useIO: io is taken")
							return true
						}
						edits = append(edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: []byte(local + ".EOF")})
						report(pass, n, "use io", edits...)
					case "useNetTime":
						names, edits, ok := fixes.AddImports(pass, n.Pos(), "net", "time")
						if !ok {
							pass.Reportf(n.Pos(), "useNetTime: a name is taken")
							return true
						}
						edits = append(edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(),
							NewText: []byte(names[0] + ".ErrClosed == nil && " + names[1] + ".Second > 0")})
						report(pass, n, "use net and time", edits...)
					case "drop":
						removed, ok := fixes.RemovedImports(pass, fixes.File(pass, n.Pos()), n)
						if !ok {
							pass.Reportf(n.Pos(), "drop: would leave a variable unused")
							return true
						}
						edits := append([]analysis.TextEdit{{Pos: n.Pos(), End: n.End(), NewText: []byte("nil")}}, removed...)
						report(pass, n, "drop", edits...)
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

func name(call *ast.CallExpr) string {
	if id, ok := call.Fun.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

func report(pass *analysis.Pass, n ast.Node, msg string, edits ...analysis.TextEdit) {
	pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg,
		SuggestedFixes: []analysis.SuggestedFix{{Message: msg, TextEdits: edits}}})
}

// TestFixes checks the fixes against their golden files, in one load. In
// lone, loneafter, groups, nonetwo and multi, new imports join the
// file's one import block, sorted in the group of standard imports, and
// each fix leaves a gofmt-clean file as it is applied (gopls applies
// edits as is).
func TestFixes(t *testing.T) {
	importBlock := []string{"lone", "loneafter", "groups", "nonetwo", "multi"}
	pkgs := append([]string{"imports", "noimports", "single", "unused", "shadow", "oneline", "onelineio"}, importBlock...)
	results := analyzertest.Load(pkgs...).RunWithSuggestedFixes(t, fake, pkgs...)
	if n := fixtest.Gofmt(t, fixtest.Of(results, importBlock...)); n < 5 {
		t.Errorf("checked %d import block fixes for gofmt, want at least 5", n)
	}
}

func TestDuration(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{30 * time.Second, "30 * time.Second"},
		{2 * time.Minute, "2 * time.Minute"},
		{1500 * time.Millisecond, "1500 * time.Millisecond"},
		{time.Hour, "time.Hour"},
		{90 * time.Second, "90 * time.Second"},
		{120 * time.Second, "2 * time.Minute"},
		{time.Second, "time.Second"},
		{1500 * time.Microsecond, "1500 * time.Microsecond"},
		{7, "7 * time.Nanosecond"},
		{-time.Second, "-time.Second"},
		{0, "0"},
	} {
		if got := fixes.Duration("time", tc.d); got != tc.want {
			t.Errorf("Duration(%v) = %q, want %q", tc.d, got, tc.want)
		}
	}
	if got := fixes.Duration("tm", 30*time.Second); got != "30 * tm.Second" {
		t.Errorf("Duration with a renamed time import = %q", got)
	}
}

func TestPositiveDuration(t *testing.T) {
	d := 30 * time.Second
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Var(fixes.PositiveDuration{D: &d}, "timeout", "")
	for _, bad := range []string{"0s", "0", "-1s", "-5m", "soon", ""} {
		err := fs.Parse([]string{"-timeout=" + bad})
		if err == nil {
			t.Errorf("-timeout=%s accepted", bad)
			continue
		}
		if bad == "0s" && !strings.Contains(err.Error(), "not a timeout") {
			t.Errorf("-timeout=0s: unclear error %q", err)
		}
	}
	if d != 30*time.Second {
		t.Errorf("rejected values changed the duration to %v", d)
	}
	if err := fs.Parse([]string{"-timeout=1500ms"}); err != nil || d != 1500*time.Millisecond {
		t.Errorf("-timeout=1500ms: %v, %v", err, d)
	}
	if got := (fixes.PositiveDuration{D: &d}).String(); got != "1.5s" {
		t.Errorf("String() = %q", got)
	}
}

// DefaultFix: the first fix, unless the fixes are alternatives for the
// author (ChooseFix), or there is none.
func TestDefaultFix(t *testing.T) {
	a := analysis.SuggestedFix{Message: "a"}
	b := analysis.SuggestedFix{Message: "b"}
	if f, ok := fixes.DefaultFix(analysis.Diagnostic{SuggestedFixes: []analysis.SuggestedFix{a, b}}); !ok || f.Message != "a" {
		t.Errorf("DefaultFix = %q, %v; want the first", f.Message, ok)
	}
	if f, ok := fixes.DefaultFix(analysis.Diagnostic{Category: fixes.ChooseFix, SuggestedFixes: []analysis.SuggestedFix{a, b}}); ok {
		t.Errorf("DefaultFix of alternatives = %q; want none", f.Message)
	}
	if _, ok := fixes.DefaultFix(analysis.Diagnostic{}); ok {
		t.Error("DefaultFix without fixes: ok")
	}
}
