package reqctx

import (
	_ "embed"
	"flag"
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports requests that do not carry the context their function
// was given, and the context mistakes that are wrong anywhere.
var Analyzer = &analysis.Analyzer{
	Name:     "reqctx",
	Doc:      docs.Extract(doc, "reqctx"),
	URL:      "https://github.com/httpvet/httpvet/blob/main/docs/reqctx.md",
	Requires: []*analysis.Analyzer{engine.Analyzer, suppress.Analyzer},
	Run:      run,
	// The requests it reported for the context in scope: timeouts leaves
	// them to reqctx, whose fix bounds them too.
	ResultType: reflect.TypeFor[*Result](),
	Flags:      flags(),
	// Helpers that build a request without a context, and functions that
	// give the request they are passed a context, across packages.
	FactTypes: []analysis.Fact{new(bareRequest), new(attachesContext), new(sendsRequest)},
	// Runs on code with type errors too (gopls does so): it must not crash.
	RunDespiteErrors: true,
}

// all is the -reqctx.all flag, on in strict mode.
var all = strict.NewBool(false)

func flags() (fs flag.FlagSet) {
	fs.Var(all, "all",
		"also report requests with no context in scope at all, function values of http.Get & co., and test code (_test.go files, files that import testing or net/http/httptest, test support packages), as sonatard/noctx does")
	return fs
}

func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	res := &Result{owned: make(map[*ast.CallExpr]bool)}
	idx := pass.ResultOf[engine.Analyzer].(*engine.Index)
	fns := idx.Touching(match.NetHTTP)
	if len(fns) == 0 {
		return res, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, idx: idx, res: res, all: all.On()}
	if c.all {
		strict.MarkTestCode(pass, idx.InTestCode)
	}
	c.exportFacts(fns)
	for _, fn := range fns {
		if !c.all && idx.InTestCode(fn.Pos()) {
			continue
		}
		c.check(fn)
	}
	return res, nil
}

// Result is what reqctx tells other analyzers of the package: the calls it
// reported because they leave out a context the function has in scope.
type Result struct {
	owned map[*ast.CallExpr]bool
}

// Owns reports whether reqctx reported call (and no directive suppressed
// it) for leaving out the context in scope: http.Get & co. or a Client's
// Get, Head, Post or PostForm; http.NewRequest; or context.Background()
// or TODO() given to a request. Its advice gives the request the caller's
// context, which carries the caller's deadline: the request is then
// bounded as much as the caller is, so a finding about the same request
// waiting forever (timeouts) would be a second finding of one defect,
// and one fix resolves both.
func (r *Result) Owns(call *ast.CallExpr) bool { return r != nil && r.owned[call] }

// own records that reqctx reported call for the context in scope.
func (c *checker) own(call *ast.CallExpr, reported bool) {
	if reported {
		c.res.owned[call] = true
	}
}

// bareRequest is the fact on a function that returns a *http.Request
// built without a context while it has none in scope itself: its callers
// must attach theirs.
type bareRequest struct{}

func (*bareRequest) AFact() {}

func (*bareRequest) String() string { return "bareRequest" }

// attachesContext is the fact on a function that gives a *http.Request
// parameter a context (WithContext, Clone, or a call that also takes a
// context): a request passed to it is not sent without one.
type attachesContext struct{}

func (*attachesContext) AFact() {}

func (*attachesContext) String() string { return "attachesContext" }

// sendsRequest is the fact on a function that sends a *http.Request
// parameter (to Client.Do, RoundTrip, or another such function) without
// giving it a context: a request passed to it is sent as it is.
type sendsRequest struct{}

func (*sendsRequest) AFact() {}

func (*sendsRequest) String() string { return "sendsRequest" }

// exportFacts computes the facts for the function declarations among
// fns, until no new one is found (helpers calling helpers).
func (c *checker) exportFacts(fns []*engine.Func) {
	var decls []*engine.Func
	for _, fn := range fns {
		if fn.Lit == nil && fn.Object() != nil && fn.Body() != nil {
			decls = append(decls, fn)
		}
	}
	bare := make([]bool, len(decls))
	attaches := make([]bool, len(decls))
	sends := make([]bool, len(decls))
	for changed := true; changed; {
		changed = false
		for i, fn := range decls {
			if attaches[i] || sends[i] {
				// decided
			} else if f := c.paramFate(fn); f.attached {
				c.pass.ExportObjectFact(fn.Object(), new(attachesContext))
				attaches[i], changed = true, true
			} else if f.sent && !f.escapes {
				c.pass.ExportObjectFact(fn.Object(), new(sendsRequest))
				sends[i], changed = true, true
			}
			if !bare[i] && c.returnsBare(fn) {
				c.pass.ExportObjectFact(fn.Object(), new(bareRequest))
				bare[i], changed = true, true
			}
		}
	}
}

// paramFate is the fate of fn's *http.Request parameters, together.
func (c *checker) paramFate(fn *engine.Func) fate {
	var f fate
	sig := fn.Signature()
	if sig == nil {
		return f
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if match.IsRequest(p.Type()) && p.Name() != "_" && p.Name() != "" {
			f.merge(c.varFate(fn, p))
		}
	}
	return f
}

// returnsBare reports whether fn, which has no context in scope, returns a
// request built in it without one (by http.NewRequest or a helper with
// the bareRequest fact).
func (c *checker) returnsBare(fn *engine.Func) bool {
	sig := fn.Signature()
	if sig == nil || sig.Results().Len() == 0 || !match.IsRequest(sig.Results().At(0).Type()) {
		return false
	}
	found := false
	c.walk(fn, func(n ast.Node, stack []ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if c.isNewRequest(call) || c.isBareHelper(call) {
			if f := c.callFate(fn, call, stack); f.returned && !f.attached && !f.escapes {
				if cands, ok := c.contexts(fn, call, stack); ok && len(cands) == 0 {
					found = true
				}
			}
		}
		return true
	})
	return found
}

func (c *checker) isNewRequest(call *ast.CallExpr) bool {
	return match.IsFunc(match.Callee(c.info, call), match.NetHTTP, "NewRequest")
}

func (c *checker) isBareHelper(call *ast.CallExpr) bool {
	fn := match.Callee(c.info, call)
	return fn != nil && c.pass.ImportObjectFact(fn, new(bareRequest))
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool { return match.IsNamed(t, "context", "Context") }
