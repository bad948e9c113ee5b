package reqctx_test

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/analyzertest"
	"github.com/httpvet/httpvet/internal/benchmark"
	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/reqctx"
)

// testdata holds the packages of testdata/src the tests below analyze,
// loaded once: net/http and the standard library under it are
// type-checked once per test binary, whatever the flags of each run.
var testdata = analyzertest.Load(
	"a", "helpers", "usehelpers", "budget", "allflag", "fix", "broken", "owns",
)

// TestAnalyzer checks the // want comments of the packages that hold with
// the default flags, loaded together (net/http once): helpers and
// usehelpers check the facts across packages; budget's are those of the
// whole search budget (see TestBudget).
func TestAnalyzer(t *testing.T) {
	testdata.Run(t, reqctx.Analyzer, "a", "helpers", "usehelpers", "budget")
}

// TestAll turns -reqctx.all on: requests with no context in scope too.
func TestAll(t *testing.T) {
	analyzertest.SetFlags(t, reqctx.Analyzer, "all", "true")
	testdata.Run(t, reqctx.Analyzer, "allflag")
}

func TestFixes(t *testing.T) {
	testdata.RunWithSuggestedFixes(t, reqctx.Analyzer, "fix")
}

// TestTypeErrors runs the analyzer on code that does not type-check: it
// must not crash.
func TestTypeErrors(t *testing.T) {
	analyzertest.RunDespiteTypeErrors(t, testdata, reqctx.Analyzer, "broken")
}

// BenchmarkReqctx runs the analyzer over net/http and all its
// dependencies, next to the baseline of what it requires.
func BenchmarkReqctx(b *testing.B) { benchmark.Run(b, reqctx.Analyzer) }

// ownsProbe reports every call reqctx's result says it owns.
var ownsProbe = &analysis.Analyzer{
	Name:     "ownsprobe",
	Doc:      "report the calls reqctx owns",
	Requires: []*analysis.Analyzer{reqctx.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		res := pass.ResultOf[reqctx.Analyzer].(*reqctx.Result)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok && res.Owns(call) {
					pass.Reportf(call.Pos(), "owned")
				}
				return true
			})
		}
		return nil, nil
	},
}

// TestOwns checks the result timeouts reads: the calls reqctx reported for
// leaving out the context in scope, and no others.
func TestOwns(t *testing.T) {
	testdata.Run(t, ownsProbe, "owns")
}

// TestBudget checks that the backward search for contexts that may be
// done gives up silently once the function's search budget is spent: the
// budget package's finding is there with the whole budget (its // want
// comments are checked in TestAnalyzer), and nothing at all is reported
// with a budget that the searches before it spend.
func TestBudget(t *testing.T) {
	if len(analyzertest.Findings(testdata.Analyze(t, reqctx.Analyzer, "budget"))) == 0 {
		t.Errorf("with the whole budget, reqctx does not report the finding")
	}
	defer engine.SetSearchBudgetForTest(20)()
	if n := len(analyzertest.Findings(testdata.Analyze(t, reqctx.Analyzer, "budget"))); n > 0 {
		t.Errorf("out of budget, reqctx still reports %d findings", n)
	}
}

// TestStrict: strict mode turns -reqctx.all on; the allflag package's
// expectations hold.
func TestStrict(t *testing.T) {
	analyzertest.Strict(t)
	testdata.Run(t, reqctx.Analyzer, "allflag")
}

// TestStrictFlagWins: -reqctx.all=false set explicitly wins over strict
// mode: the allflag package reports only what the default mode does.
func TestStrictFlagWins(t *testing.T) {
	analyzertest.Strict(t)
	analyzertest.SetFlags(t, reqctx.Analyzer, "all", "false")
	results := testdata.Analyze(t, reqctx.Analyzer, "allflag")
	if n := len(analyzertest.Contract(results)); n != 0 {
		t.Errorf("%d contract findings with -reqctx.all=false; want none", n)
	}
}

// TestStrictAddsContract: strict mode keeps every finding of the default
// mode and adds only contract ones.
func TestStrictAddsContract(t *testing.T) {
	analyzertest.StrictAddsContract(t, testdata, reqctx.Analyzer, "a", "allflag")
}
