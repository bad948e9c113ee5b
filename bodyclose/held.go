package bodyclose

// Where a response's Close comes from: a send. A function that sends, by
// net/http's contract or by what its body shows, hands its caller an open
// response; a method that returns a field, an interface method given
// nothing to send (no request, no URL), or an interface method or function
// value that cannot fail (a send can: it returns an error) hands out a
// response it holds (a poller's latest, an accessor, a recorded fixture
// matched to a request), whose owner is out of view. Its callers owe
// nothing they can know of, and are told nothing. A function value that
// can fail is a send even given nothing: a closure carries its request
// with it (a retry helper's func() (*http.Response, error)).

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// sendsByArgs reports whether a function of signature sig is given what a
// send needs: a request, or a URL (a string or *url.URL), as
// http.Client's methods are. An interface method is taken at its
// signature's word: its body is out of view.
func sendsByArgs(sig *types.Signature) bool {
	if !canFail(sig) {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		t := sig.Params().At(i).Type()
		if sig.Variadic() && i == sig.Params().Len()-1 {
			if s, ok := t.(*types.Slice); ok {
				t = s.Elem()
			}
		}
		if match.IsRequest(t) || match.IsPointerTo(t, "net/url", "URL") {
			return true
		}
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.String {
			return true
		}
	}
	return false
}

// canFail reports whether a function of signature sig returns an error,
// as every send does.
func canFail(sig *types.Signature) bool {
	for i := 0; i < sig.Results().Len(); i++ {
		if t := sig.Results().At(i).Type(); types.IsInterface(t) && types.Implements(t, errorType) {
			return true // error, or an interface that includes it
		}
	}
	return false
}

// handsOutHeld reports whether call, which returns a response, calls an
// interface method given nothing to send, or a function value that cannot
// fail: what it returns is a response it holds.
func (c *checker) handsOutHeld(call *ast.CallExpr) bool {
	fn := match.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		if _, lit := ast.Unparen(call.Fun).(*ast.FuncLit); lit {
			return false // its body is in view
		}
		t := c.pass.TypesInfo.TypeOf(call.Fun)
		if t == nil {
			return false // code that does not type-check
		}
		sig, ok := t.Underlying().(*types.Signature)
		return ok && !canFail(sig)
	}
	if _, ok := interfaceOf(fn); !ok {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && !sendsByArgs(sig)
}

// heldValues decides, for one function, which response values it holds
// rather than got from a send: a field it does not set from a send, what
// a call that hands out a held response returns, and a local variable all
// of whose values are held. A parameter is not: the caller's obligation
// for it stays with the argument (responseIndex).
type heldValues struct {
	s      *closedScan
	values map[types.Object][]ast.Expr // every value given a response variable or field in the function
	memo   map[types.Object]bool
}

func newHeldValues(s *closedScan) *heldValues {
	h := &heldValues{s: s, values: make(map[types.Object][]ast.Expr), memo: make(map[types.Object]bool)}
	ast.Inspect(s.decl.Body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec, *ast.RangeStmt:
			for i, lhs := range match.Assigned(n) {
				obj, ok := assignedVar(s.info, lhs)
				if !ok || !match.IsResponse(obj.Type()) {
					continue
				}
				value, _, ok := match.AssignedValue(n, i)
				if !ok {
					value = opaque // a range variable, unpaired sides
				}
				h.values[obj] = append(h.values[obj], value)
			}
		}
		return true
	})
	return h
}

// isHeld reports whether e, a response value the function returns, is one
// it holds.
func (h *heldValues) isHeld(e ast.Expr) bool {
	if e == nil {
		return true // the zero value: no response
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if match.IsNil(h.s.info, e) {
			return true
		}
		v, ok := h.s.info.Uses[e].(*types.Var)
		return ok && v.Parent() != nil && !isParam(h.s.fn, v) && h.allHeld(v)
	case *ast.SelectorExpr:
		v, ok := h.s.info.Uses[e.Sel].(*types.Var)
		return ok && v.IsField() && h.allHeld(v)
	case *ast.CallExpr:
		return h.s.c.handsOutHeld(e)
	}
	return false
}

// allHeld reports whether every value the function gives obj is held; a
// value that depends on itself (resp = p.resp; p.resp = resp) is held when
// nothing else feeds it.
func (h *heldValues) allHeld(obj types.Object) bool {
	if r, ok := h.memo[obj]; ok {
		return r
	}
	h.memo[obj] = true // under way
	r := true
	for _, v := range h.values[obj] {
		if !h.isHeld(v) {
			r = false
			break
		}
	}
	h.memo[obj] = r
	return r
}

// opaque stands for a value heldValues cannot see: not held.
var opaque ast.Expr = &ast.BadExpr{}

// assignedVar returns the variable or field that lhs, the left side of
// an assignment, sets.
func assignedVar(info *types.Info, lhs ast.Expr) (*types.Var, bool) {
	switch lhs := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		v, ok := info.ObjectOf(lhs).(*types.Var)
		return v, ok
	case *ast.SelectorExpr:
		v, ok := info.ObjectOf(lhs.Sel).(*types.Var)
		return v, ok && v.IsField()
	}
	return nil, false
}

// isParam reports whether v is a parameter (receiver included) of fn.
func isParam(fn *types.Func, v *types.Var) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	if sig.Recv() == v {
		return true
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			return true
		}
	}
	return false
}
