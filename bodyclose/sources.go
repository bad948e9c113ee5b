package bodyclose

// Where responses come from: the calls whose result, or one result of
// its tuple, is a *http.Response the caller must close (responseIndex),
// and where they are in the package's functions (sources). Each one is
// then checked on its own (check.go).

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"

	"github.com/httpvet/httpvet/internal/match"
)

// A source is a call that creates a response its caller must close.
type source struct {
	call   *ast.CallExpr
	idx    int      // the index of the *http.Response result
	parent ast.Node // the parent of the call, outside parentheses
	fn     ast.Node // the innermost *ast.FuncDecl or *ast.FuncLit around it
	file   int      // the index of its file in pass.Files
}

// sources returns the calls that create a response in the package's
// functions, in the order of a preorder walk of pass.Files. Only the
// top-level declarations of the functions that touch net/http are
// walked, whole: a call of a function literal that touches it lies
// outside the literal.
func (c *checker) sources() []source {
	fileIndex := make(map[token.Pos]int, len(c.pass.Files))
	for i, f := range c.pass.Files {
		fileIndex[f.FileStart] = i
	}
	// The engine lists the functions with an identifier whose type
	// mentions net/http; a named function type whose results hold a
	// response does not count (func get(f fetchFunc) { f() } mentions
	// only fetchFunc), so those are added from a second look at Uses and
	// Defs.
	fns := c.idx.Touching(match.NetHTTP)
	if !c.idx.Within(match.NetHTTP) {
		memo := make(map[types.Type]bool)
		fns = append(fns, c.idx.TouchingObjects(func(obj types.Object) bool {
			return match.TypeMentions(obj.Type(), isResponseFunc, memo)
		})...)
	}
	var out []source
	walked := make(map[ast.Decl]bool)
	for _, fn := range fns {
		if walked[fn.Decl] {
			continue
		}
		walked[fn.Decl] = true
		if !c.tests && c.inTestFile(fn.Decl.Pos()) {
			continue
		}
		file := fileIndex[fn.File.FileStart]
		match.InspectStack(fn.Decl, func(n ast.Node, stack []ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if s, ok := c.sourceAt(call, stack); ok {
					s.file = file
					out = append(out, s)
				}
			}
			return true
		})
	}
	// Preorder: by file, then position; of two calls at one position,
	// the outer one (a.b().c()) first.
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.file != b.file {
			return a.file < b.file
		}
		if a.call.Pos() != b.call.Pos() {
			return a.call.Pos() < b.call.Pos()
		}
		return a.call.End() > b.call.End()
	})
	return out
}

// sourceAt returns call as a source if it creates a response, in a
// function; stack holds its ancestors, the innermost last.
func (c *checker) sourceAt(call *ast.CallExpr, stack []ast.Node) (source, bool) {
	idx, ok := c.responseIndex(call)
	if !ok {
		return source{}, false
	}
	s := source{call: call, idx: idx}
	s.parent, _, _ = match.ParentOf(call, stack)
	for i := len(stack) - 1; i >= 0 && s.fn == nil; i-- {
		switch stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			s.fn = stack[i]
		}
	}
	if s.fn == nil {
		return source{}, false // package-level initializer
	}
	return s, true
}

// isResponseFunc reports whether n is a named function type, not of
// net/http, whose results include a *http.Response.
func isResponseFunc(n *types.Named) bool {
	sig, ok := n.Underlying().(*types.Signature)
	if !ok || n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == match.NetHTTP {
		return false
	}
	for i := 0; i < sig.Results().Len(); i++ {
		if match.IsResponse(sig.Results().At(i).Type()) {
			return true
		}
	}
	return false
}

// responseIndex returns the index of the *http.Response result of call
// (0 for a single result) if call creates a response its caller must
// close.
func (c *checker) responseIndex(call *ast.CallExpr) (int, bool) {
	info := c.pass.TypesInfo
	tv, ok := info.Types[call]
	if !ok || tv.Type == nil || tv.IsType() {
		return 0, false
	}
	idx := -1
	switch t := tv.Type.(type) {
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			if match.IsResponse(t.At(i).Type()) {
				if idx >= 0 {
					return 0, false // two responses: too clever for us
				}
				idx = i
			}
		}
	default:
		if match.IsResponse(t) {
			idx = 0
		}
	}
	if idx < 0 {
		return 0, false
	}
	for _, a := range call.Args {
		if match.IsResponse(info.TypeOf(a)) {
			return 0, false // f(resp) *http.Response: likely the same response
		}
	}
	if c.handsOutHeld(call) {
		return 0, false // a function value or interface method given nothing to send
	}
	fn := match.Callee(info, call)
	if fn == nil {
		return idx, true // a function value that sends
	}
	switch {
	case match.IsMethod(fn, "net/http/httptest", "ResponseRecorder", "Result"):
		return 0, false // in-memory body
	case match.IsFunc(fn, match.NetHTTP, "ReadResponse"):
		return 0, false // reads from a connection the caller owns, no pool
	}
	if c.returnsClosed(fn) {
		return 0, false // the wrapper closed or replaced the body
	}
	return idx, true
}
