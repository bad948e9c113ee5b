package engine

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// How often a function runs, as far as its package shows. Two answers,
// each stated only when the code shows it; where the callers are out of
// view (a value handed to another module, a command table, a callback
// registry) neither holds, and a rule that needs one stays silent.
//
// Process lifetime: a program (package main) ends when main returns or
// exits, and whatever it holds is released then. A function runs once per
// run when it is main or an init, or every use of it is a call, in no
// loop, from a function that runs once per run (as lostcancel treats
// main.main, and staticcheck's IsMainLike the main package).
//
// A stream of calls: a function serves requests (an http.HandlerFunc's
// parameters), a loop calls it, it is handed to a function that calls its
// parameter repeatedly (the callsRepeatedly fact: a retry or polling
// helper, in any module), or a function that streams by a loop or a
// retry helper calls it. A loop over data (a range over a slice, array,
// map, string or integer) in a function that runs once per run is no
// stream: it runs as many times as the run's input has elements, which
// the analysis cannot know, and ends with the process.

// OncePerRun reports whether fn, a function of this package, runs at most
// once per run of its program (see above). It is false outside package
// main.
func (idx *Index) OncePerRun(fn *types.Func) bool {
	return idx.oncePerRun(fn, map[*types.Func]bool{})
}

func (idx *Index) oncePerRun(fn *types.Func, seen map[*types.Func]bool) bool {
	if fn == nil || idx.pkg == nil || idx.pkg.Name() != "main" || fn.Pkg() != idx.pkg || seen[fn] {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil && (fn.Name() == "main" || fn.Name() == "init") {
		return sig != nil
	}
	seen[fn] = true
	uses := idx.usesOf(fn)
	runs := 0
	for _, id := range uses {
		if idx.InTestCode(id.Pos()) {
			continue // go test's runs are not the program's
		}
		call := idx.callOf(id)
		if call == nil || idx.loopAround(call) != nil {
			return false
		}
		caller := idx.funcAround(call)
		if caller == nil || caller.Lit != nil || !idx.oncePerRun(caller.Object(), seen) {
			return false
		}
		runs++
	}
	return runs > 0
}

// CallsStream reports whether the calls of fn, a function declaration or
// literal of the package, come in a stream (see above). Test code never
// does. A handler is taken to serve a stream of requests, but how many a
// process serves is out of view (a CGI program serves one): that
// assumption covers the handler's own code, its literals, and not the
// functions it calls, which stream only where a loop or a retry helper
// shows it.
func (idx *Index) CallsStream(fn ast.Node) bool {
	return idx.callsStream(fn, true, map[ast.Node]bool{})
}

func (idx *Index) callsStream(n ast.Node, serving bool, seen map[ast.Node]bool) bool {
	fn := idx.Func(n)
	if fn == nil || seen[n] || idx.InTestCode(n.Pos()) {
		return false
	}
	seen[n] = true
	if serving && servesRequests(fn.Signature()) {
		return true
	}
	if lit, ok := n.(*ast.FuncLit); ok {
		// A literal is made on each run of the function around it, and
		// run where it stands or handed on: it runs as often.
		outer := idx.funcAround(lit)
		return idx.repeatsAt(lit) || outer != nil && idx.callsStream(outer.Node(), serving, seen)
	}
	for _, id := range idx.usesOf(fn.Object()) {
		if idx.InTestCode(id.Pos()) {
			continue
		}
		if idx.repeatsAt(id) {
			return true
		}
		// A call runs as often as the function that makes it.
		if call := idx.callOf(id); call != nil {
			if caller := idx.funcAround(call); caller != nil && idx.callsStream(caller.Node(), false, seen) {
				return true
			}
		}
	}
	return false
}

// funcAround returns the innermost function that holds n, n excluded.
func (idx *Index) funcAround(n ast.Node) *Func {
	path := idx.PathTo(n)
	for _, m := range path[min(1, len(path)):] {
		switch m.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return idx.Func(m)
		}
	}
	return nil
}

// repeatsAt reports whether the function that e (a use of a function, or
// a literal) denotes runs repeatedly from here: e is called in a loop
// that is not a loop over data in a once-per-run function, or handed to a
// parameter its callee calls repeatedly.
func (idx *Index) repeatsAt(e ast.Expr) bool {
	var at ast.Node = e
	if id, ok := e.(*ast.Ident); ok {
		if call := idx.callOf(id); call != nil {
			at = call
		} else if sel, ok := idx.Parent(id).(*ast.SelectorExpr); ok && sel.Sel == id {
			at = sel // a method value, x.f
		}
	}
	if loop := idx.loopAround(at); loop != nil {
		caller := idx.funcAround(at)
		overData := isRangeOverData(idx.info, loop)
		if !overData || caller == nil || caller.Lit != nil || !idx.OncePerRun(caller.Object()) {
			return true
		}
	}
	call, i := idx.argumentOf(at)
	return call != nil && idx.CallsRepeatedly(match.Callee(idx.info, call), i)
}

// loopAround returns the innermost for or range loop of n's function
// whose body (or condition or post statement) holds n, or nil.
func (idx *Index) loopAround(n ast.Node) ast.Stmt {
	path := idx.PathTo(n)
	for k := 1; k < len(path); k++ {
		switch l := path[k].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return nil
		case *ast.ForStmt:
			if path[k-1] != l.Init {
				return l
			}
		case *ast.RangeStmt:
			if path[k-1] == l.Body {
				return l
			}
		}
	}
	return nil
}

// isRangeOverData reports whether loop ranges over a slice, array, map,
// string or integer: as many times as the data has elements.
func isRangeOverData(info *types.Info, loop ast.Stmt) bool {
	r, ok := loop.(*ast.RangeStmt)
	if !ok {
		return false
	}
	t := info.TypeOf(r.X)
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	switch u := t.Underlying().(type) {
	case *types.Slice, *types.Array, *types.Map:
		return true
	case *types.Basic:
		return u.Info()&(types.IsString|types.IsInteger) != 0
	}
	return false
}

// argumentOf returns the call that n is an argument of, and its index.
func (idx *Index) argumentOf(n ast.Node) (*ast.CallExpr, int) {
	path := idx.PathTo(n)
	k := 1
	for k < len(path) {
		if _, ok := path[k].(*ast.ParenExpr); !ok {
			break
		}
		k++
	}
	if k >= len(path) {
		return nil, -1
	}
	call, ok := path[k].(*ast.CallExpr)
	if !ok {
		return nil, -1
	}
	for i, a := range call.Args {
		if ast.Unparen(a) == n {
			return call, i
		}
	}
	return nil, -1
}

// servesRequests reports whether sig has an http.HandlerFunc's
// parameters: (http.ResponseWriter, *http.Request).
func servesRequests(sig *types.Signature) bool {
	if sig == nil {
		return false
	}
	params := sig.Params()
	return params.Len() == 2 && match.IsNamed(params.At(0).Type(), match.NetHTTP, "ResponseWriter") &&
		match.IsRequest(params.At(1).Type())
}
