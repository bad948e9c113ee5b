package reqctx

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// A checker holds what one pass of reqctx needs.
type checker struct {
	pass *analysis.Pass
	info *types.Info
	idx  *engine.Index
	res  *Result // the calls reported for the context in scope
	all  bool    // -reqctx.all, or strict mode: the contract findings too

	budgets map[*engine.Func]*engine.Budget // of the searches of mayBeDone, by function

	// Kept per function, asked for each request: see valueOf, cancelFunc,
	// assignsTo.
	values  map[fnVar]ast.Expr
	cancels map[fnVar]*types.Var
	assigns map[*engine.Func]map[*types.Var][]*ast.AssignStmt
	attach  map[*types.Func]bool // callersAttach, by builder (false while computed)
}

// fnVar is a variable as seen from a function.
type fnVar struct {
	fn *engine.Func
	v  *types.Var
}

// budget returns the search budget of fn.
func (c *checker) budget(fn *engine.Func) *engine.Budget {
	b := c.budgets[fn]
	if b == nil {
		if c.budgets == nil {
			c.budgets = make(map[*engine.Func]*engine.Budget)
		}
		b = engine.NewBudget()
		c.budgets[fn] = b
	}
	return b
}

// walk calls visit on every node of fn's own body, nested function
// literals excluded, with the node's ancestors (innermost last, up to the
// body); visit returns false to skip a node's children.
func (c *checker) walk(fn *engine.Func, visit func(n ast.Node, stack []ast.Node) bool) {
	body := fn.Body()
	if body == nil {
		return
	}
	match.InspectStack(body, func(n ast.Node, stack []ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		return visit(n, stack)
	})
}

// A fate is what a function does with a request: where it goes.
type fate struct {
	attached bool // given a context: WithContext or Clone whose result is kept, or passed to a call that also takes a context or attaches one
	returned bool // returned to the caller
	escapes  bool // stored, aliased, captured, or passed where it cannot be followed
	sent     bool // passed to Client.Do, RoundTrip, a function of their signature, or one with the sendsRequest fact
}

func (f *fate) merge(g fate) {
	f.attached = f.attached || g.attached
	f.returned = f.returned || g.returned
	f.escapes = f.escapes || g.escapes
	f.sent = f.sent || g.sent
}

// callFate returns the fate of the request call (a source: NewRequest or
// a helper) results in, in fn; stack holds call's ancestors.
func (c *checker) callFate(fn *engine.Func, call *ast.CallExpr, stack []ast.Node) fate {
	parent, child, _ := match.ParentOf(call, stack)
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) != 1 || len(p.Lhs) == 0 {
			return fate{escapes: true}
		}
		return c.lhsFate(fn, p.Lhs[0])
	case *ast.ValueSpec:
		if len(p.Values) != 1 || len(p.Names) == 0 {
			return fate{escapes: true}
		}
		return c.lhsFate(fn, p.Names[0])
	case *ast.ReturnStmt:
		return fate{returned: true}
	case *ast.CallExpr:
		return c.argFate(p, child)
	}
	return fate{escapes: true}
}

// lhsFate is the fate of the request assigned to lhs.
func (c *checker) lhsFate(fn *engine.Func, lhs ast.Expr) fate {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return fate{escapes: true}
	}
	if id.Name == "_" {
		return fate{}
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok || !c.isLocal(fn, v) {
		return fate{escapes: true}
	}
	return c.varFate(fn, v)
}

// isLocal reports whether v is a parameter or local variable of fn.
func (c *checker) isLocal(fn *engine.Func, v *types.Var) bool {
	n := fn.Node()
	return v.Pkg() == c.pass.Pkg && !v.IsField() && n.Pos() <= v.Pos() && v.Pos() < n.End()
}

// varFate is the fate of the request variable v of fn, from every use of
// it (not flow-sensitive: one attachment anywhere is enough to stay
// silent).
func (c *checker) varFate(fn *engine.Func, v *types.Var) fate {
	var f fate
	body := fn.Body()
	if body == nil {
		return fate{escapes: true}
	}
	match.InspectStack(body, func(n ast.Node, stack []ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && c.info.Uses[id] == v {
			f.merge(c.useFate(fn, v, id, stack))
		}
		return true
	})
	return f
}

// useFate is the fate of the request at one use id of its variable v.
func (c *checker) useFate(fn *engine.Func, v *types.Var, id *ast.Ident, stack []ast.Node) fate {
	for _, n := range stack {
		if _, ok := n.(*ast.FuncLit); ok {
			return fate{escapes: true} // a closure: out of sight
		}
	}
	parent, child, rest := match.ParentOf(id, stack)
	switch p := parent.(type) {
	case *ast.SelectorExpr:
		sel, ok := c.info.Selections[p]
		if !ok {
			return fate{}
		}
		if sel.Kind() == types.FieldVal {
			if pp, _, _ := match.ParentOf(p, rest); pp != nil {
				if u, ok := pp.(*ast.UnaryExpr); ok && u.Op == token.AND {
					return fate{escapes: true}
				}
			}
			return fate{}
		}
		if match.IsMethod(sel.Obj(), match.NetHTTP, "Request", "WithContext", "Clone") {
			call, _, crest := match.ParentOf(p, rest)
			if call, ok := call.(*ast.CallExpr); ok && call.Fun != nil {
				if pp, _, _ := match.ParentOf(call, crest); pp != nil {
					if _, discarded := pp.(*ast.ExprStmt); discarded {
						return fate{}
					}
				}
				if len(call.Args) == 1 && c.ownContext(call.Args[0], v, 0) {
					// The context it already had, with values: the copy
					// goes where the request would.
					return c.copyFate(fn, v, call, crest)
				}
				return fate{attached: true}
			}
		}
		return fate{} // another method: Context, SetBasicAuth, Write…
	case *ast.CallExpr:
		if p.Fun == child {
			return fate{escapes: true}
		}
		return c.argFate(p, child)
	case *ast.ReturnStmt:
		return fate{returned: true}
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if l == child {
				return fate{} // assigned to
			}
		}
		return fate{escapes: true}
	case *ast.BinaryExpr:
		return fate{}
	case *ast.IncDecStmt, *ast.ExprStmt:
		return fate{}
	}
	return fate{escapes: true}
}

// copyFate is the fate of call, a copy of the request v with no new
// context: nothing of its own when it is assigned back to v (v's other
// uses tell), else where it goes.
func (c *checker) copyFate(fn *engine.Func, v *types.Var, call *ast.CallExpr, stack []ast.Node) fate {
	parent, _, _ := match.ParentOf(call, stack)
	if as, ok := parent.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && match.ObjectOf(c.info, as.Lhs[0]) == v {
		return fate{}
	}
	return c.callFate(fn, call, stack)
}

// ownContext reports whether e, the context given to v.WithContext or
// v.Clone, is v.Context() itself or values added to it
// (context.WithValue, context.WithoutCancel, httptrace.WithClientTrace
// over it): no new cancellation, so a request built without a context
// still has none.
func (c *checker) ownContext(e ast.Expr, v *types.Var, depth int) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || depth > 8 {
		return false
	}
	fn := match.Callee(c.info, call)
	if match.IsMethod(fn, match.NetHTTP, "Request", "Context") {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return ok && match.ObjectOf(c.info, sel.X) == v
	}
	if match.IsFunc(fn, "context", "WithValue", "WithoutCancel") || match.IsFunc(fn, "net/http/httptrace", "WithClientTrace") {
		return len(call.Args) > 0 && c.ownContext(call.Args[0], v, depth+1)
	}
	return false
}

// argFate is the fate of a request passed as the argument arg of call.
func (c *checker) argFate(call *ast.CallExpr, arg ast.Node) fate {
	for _, a := range call.Args {
		if a != arg && isContext(c.info.TypeOf(a)) {
			return fate{attached: true} // the callee has a context to give it
		}
	}
	fn := match.Callee(c.info, call)
	if fn != nil && c.pass.ImportObjectFact(fn, new(attachesContext)) {
		return fate{attached: true}
	}
	if fn != nil && c.pass.ImportObjectFact(fn, new(sendsRequest)) {
		return fate{sent: true}
	}
	if sig, ok := c.info.TypeOf(call.Fun).(*types.Signature); ok && isDoSignature(sig) {
		// Client.Do, RoundTrip, a Doer interface, a do(req) helper or
		// a field standing in for Client.Do: it sends the request.
		return fate{sent: true}
	}
	if fn == nil {
		return fate{escapes: true} // a function value
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return fate{escapes: true} // an interface method: any implementation
	}
	return fate{} // a function that neither sends it nor gives it a context: signing, dumping
}

// isDoSignature reports whether sig is func(*http.Request)
// (*http.Response, error), the signature of Client.Do and RoundTrip.
func isDoSignature(sig *types.Signature) bool {
	return sig.Params().Len() == 1 && match.IsRequest(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 2 && match.IsResponse(sig.Results().At(0).Type()) &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}
