package timeouts

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

// A struct field of type http.Client (a value, not a pointer) holds the
// zero Client until something stores another there, and the zero Client
// has no Timeout. When the engine sees every store of the field (it is
// unexported and its address is never taken: engine.Index.FieldStores),
// none of them is a Client with a Timeout, and nothing in the package sets
// its Timeout, a request sent through it without a deadline of its own can
// wait forever. Reported once, at the field: the zero value is made
// wherever the struct is (composite literals, new, var declarations), so
// there is no one place for a fix to edit.

// zeroClientField reports the field a call of a Client method goes
// through when that field is a Client without Timeout, as above.
func (c *checker) zeroClientField(cur cursor, call *ast.CallExpr, fn *types.Func) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	field := c.clientField(sel.X)
	if field == nil || c.zeroReported[field] {
		return
	}
	if fn.Name() == "Do" && (len(call.Args) != 1 || !c.bareRequest(cur, call.Args[0])) {
		return // the request may carry a deadline
	}
	if c.reqctxOwns(call) || c.streamed(cur) || !c.neverTimed(field) {
		return
	}
	if c.zeroReported == nil {
		c.zeroReported = make(map[*types.Var]bool)
	}
	c.zeroReported[field] = true
	suppress.Report(c.pass, analysis.Diagnostic{
		Pos: field.Pos(), End: field.Pos() + token.Pos(len(field.Name())),
		Message: fmt.Sprintf("field %s is an http.Client that nothing gives a Timeout: the zero Client has none, "+
			"so requests sent through it (as at line %d) can wait forever on a slow or stuck server; "+
			"set %s: http.Client{Timeout: …} where the struct is built, or give each request a context with a deadline",
			field.Name(), c.pass.Fset.Position(call.Pos()).Line, field.Name()),
	})
}

// clientField returns the field x selects when it is an unexported field
// of type http.Client (not a pointer) of the package's own struct.
func (c *checker) clientField(x ast.Expr) *types.Var {
	s, ok := c.pass.TypesInfo.Selections[unparenSel(x)]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	f, ok := s.Obj().(*types.Var)
	if !ok || f.Exported() || f.Pkg() != c.pass.Pkg || !match.IsNamed(f.Type(), match.NetHTTP, "Client") {
		return nil
	}
	return f
}

func unparenSel(x ast.Expr) *ast.SelectorExpr {
	s, _ := ast.Unparen(x).(*ast.SelectorExpr)
	return s
}

// neverTimed reports whether every store of field is in view and none
// gives it a Timeout: a Client literal without one is the only value
// stored, and no x.field.Timeout is assigned anywhere in the package.
func (c *checker) neverTimed(field *types.Var) bool {
	stores, complete := c.idx.FieldStores(field)
	if !complete {
		return false
	}
	for _, st := range stores {
		lit, ok := ast.Unparen(st.Value).(*ast.CompositeLit)
		if !ok || !match.IsNamed(c.pass.TypesInfo.TypeOf(lit), match.NetHTTP, "Client") || match.Field(lit, "Timeout") != nil {
			return false
		}
	}
	timeoutSet := false
	for _, id := range c.idx.Uses(func(obj types.Object) bool {
		v, ok := obj.(*types.Var)
		return ok && v.IsField() && v.Name() == "Timeout" && v.Pkg() != nil && v.Pkg().Path() == match.NetHTTP
	}) {
		if path := c.idx.Path(id.Pos(), id.End()); len(path) > 1 {
			if sel, ok := path[1].(*ast.SelectorExpr); ok && c.clientField(sel.X) == field {
				timeoutSet = true
			}
		}
	}
	return !timeoutSet
}
