package retrybody

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports requests sent again after a send consumed their body.
var Analyzer = &analysis.Analyzer{
	Name:     "retrybody",
	Doc:      docs.Extract(doc, "retrybody"),
	URL:      "https://github.com/httpvet/httpvet/blob/main/docs/retrybody.md",
	Requires: []*analysis.Analyzer{engine.Analyzer, suppress.Analyzer},
	Run:      run,
	// Wrappers that send, or re-send, a request parameter, and helpers
	// that build a request with a parameter as its body, across packages.
	FactTypes: []analysis.Fact{new(sendsRequest), new(requestBody)},
	// Runs on code with type errors too (gopls does so): it must not crash.
	RunDespiteErrors: true,
}

func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	idx := pass.ResultOf[engine.Analyzer].(*engine.Index)
	fns := idx.Touching(match.NetHTTP)
	if len(fns) == 0 {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, idx: idx, facts: make(map[*types.Func]*sendsRequest)}
	c.exportBuilders(fns)
	// Only functions that may send a request get a graph.
	senders := make(map[*engine.Func]bool)
	for _, fn := range idx.TouchingObjects(c.maySend) {
		senders[fn] = true
	}
	var sending []*engine.Func
	for _, fn := range fns {
		if senders[fn] {
			sending = append(sending, fn)
		}
	}
	c.exportFacts(sending)
	c.reporting = true
	for _, fn := range sending {
		c.check(fn)
	}
	c.checkReturnedClosures(fns)
	return nil, nil
}

// maySend reports whether a use of obj may be a send: a function or
// method named Do or RoundTrip, a function value of their signature, a
// function of another package with the sendsRequest fact, or one of this
// package that takes a request, or a struct holding one, and may become
// a wrapper.
func (c *checker) maySend(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		if obj.Name() == "Do" || obj.Name() == "RoundTrip" {
			return true
		}
		if obj.Pkg() != c.pass.Pkg {
			return c.fact(obj) != nil
		}
		sig, ok := obj.Type().(*types.Signature)
		if !ok {
			return false
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if holdsRequest(sig.Params().At(i).Type()) {
				return true
			}
		}
	case *types.Var:
		sig, ok := types.Unalias(obj.Type()).Underlying().(*types.Signature)
		return ok && doSignature(sig)
	}
	return false
}

// holdsRequest reports whether t is *http.Request, or a struct (or a
// pointer to one) with a field of that type.
func holdsRequest(t types.Type) bool {
	if match.IsRequest(t) {
		return true
	}
	st, ok := match.DerefUnderlying(t).(*types.Struct)
	if !ok {
		return false
	}
	for i := 0; i < st.NumFields(); i++ {
		if match.IsRequest(st.Field(i).Type()) {
			return true
		}
	}
	return false
}

// sendsRequest is the fact on a function that sends a request it is given
// with the body it was given, before any reset of that body: a wrapper
// around Do. Resends lists the requests it may send again after that
// without resetting the body: a retry loop.
type sendsRequest struct {
	Sends   []Param
	Resends []Param
}

// A Param is a request reached from a parameter: the parameter itself, or
// a field of it (Path, dot-separated, such as "Request" for a struct that
// embeds *http.Request).
type Param struct {
	Index int    // in the signature's parameters, the receiver excluded
	Path  string // fields from the parameter to the request; "" for the parameter
	Name  string // the parameter's name, for messages
}

func (*sendsRequest) AFact() {}

func (f *sendsRequest) String() string {
	var parts []string
	for _, p := range f.Sends {
		parts = append(parts, "sends "+p.String())
	}
	for _, p := range f.Resends {
		parts = append(parts, "resends "+p.String())
	}
	return strings.Join(parts, ", ")
}

func (p Param) String() string {
	if p.Path == "" {
		return p.Name
	}
	return p.Name + "." + p.Path
}

func addParam(list []Param, p Param) ([]Param, bool) {
	for _, q := range list {
		if q.Index == p.Index && q.Path == p.Path {
			return list, false
		}
	}
	list = append(list, p)
	sort.Slice(list, func(i, j int) bool {
		if list[i].Index != list[j].Index {
			return list[i].Index < list[j].Index
		}
		return list[i].Path < list[j].Path
	})
	return list, true
}

// A checker holds what one pass of retrybody needs.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	idx  *engine.Index

	// facts of this package's functions, while they are computed
	facts     map[*types.Func]*sendsRequest
	reporting bool // the facts are final: report
	reported  map[ast.Node]bool
	leaves    map[leavesKey]bool // leavesBody, by function and parameter
	budget    *engine.Budget     // of resendFrom's searches in the function analyze runs on
}

// fact returns the sendsRequest fact of fn, from this package or another.
func (c *checker) fact(fn *types.Func) *sendsRequest {
	if f, ok := c.facts[fn]; ok {
		return f
	}
	if fn.Pkg() == c.pass.Pkg {
		return nil
	}
	f := new(sendsRequest)
	if c.pass.ImportObjectFact(fn, f) {
		c.facts[fn] = f
		return f
	}
	c.facts[fn] = nil
	return nil
}

// exportFacts computes the facts of the function declarations among fns
// that have a parameter leading to a request, until no new one is found
// (wrappers calling wrappers), and exports them.
func (c *checker) exportFacts(fns []*engine.Func) {
	var decls []*engine.Func
	for _, fn := range fns {
		if fn.Lit == nil && fn.Object() != nil && fn.Body() != nil && fn.Signature() != nil && fn.Signature().Params().Len() > 0 {
			decls = append(decls, fn)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, fn := range decls {
			if c.analyze(fn) {
				changed = true
			}
		}
	}
	for _, fn := range decls {
		if f := c.facts[fn.Object()]; f != nil {
			c.pass.ExportObjectFact(fn.Object(), f)
		}
	}
}

// record adds p to the Sends (or Resends) of fn's fact, and reports
// whether it is new.
func (c *checker) record(fn *engine.Func, p Param, resend bool) bool {
	obj := fn.Object()
	if obj == nil || c.reporting {
		return false
	}
	f := c.facts[obj]
	if f == nil {
		f = new(sendsRequest)
		c.facts[obj] = f
	}
	var added bool
	if resend {
		f.Resends, added = addParam(f.Resends, p)
	} else {
		f.Sends, added = addParam(f.Sends, p)
	}
	return added
}

// paramOf returns the Param a key rooted at a parameter of fn's
// declaration denotes.
func paramOf(fn *engine.Func, k key) (Param, bool) {
	sig := fn.Signature()
	if fn.Lit != nil || sig == nil {
		return Param{}, false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == k.root {
			return Param{Index: i, Path: k.path, Name: k.root.Name()}, true
		}
	}
	return Param{}, false
}

// check reports the re-sends in fn.
func (c *checker) check(fn *engine.Func) {
	if c.reported == nil {
		c.reported = make(map[ast.Node]bool)
	}
	c.analyze(fn)
	if g := fn.CFG(); g != nil {
		sites, _ := c.sites(g)
		c.checkReusedReaders(fn, sites)
	}
}

func (c *checker) line(n ast.Node) int { return c.pass.Fset.Position(n.Pos()).Line }

// sendName names the function a send calls, for messages.
func sendName(s *send) string {
	if s.callee != nil {
		return s.callee.Name()
	}
	return types.ExprString(s.call.Fun)
}

// describe is "this Do" or "this call of retry".
func describe(s *send) string {
	name := sendName(s)
	if s.callee != nil && (name == "Do" || name == "RoundTrip") {
		return "this " + name
	}
	return fmt.Sprintf("this call of %s", name)
}
