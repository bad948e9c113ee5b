package getbody

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/httpvet/httpvet/internal/match"
)

// exportWrapperFacts exports a requestWrapper fact for every function of
// the package that passes its own parameters, unchanged, as the method and
// the body of a request it builds (directly or through another wrapper),
// iterating until no new wrapper appears so that wrappers of wrappers in
// the same package are found whatever their order.
func (c *checker) exportWrapperFacts(in *inspector.Inspector) {
	var candidates []*ast.FuncDecl
	for cur := range in.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		if decl.Body != nil && decl.Type.Params.NumFields() > 0 {
			candidates = append(candidates, decl)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, decl := range candidates {
			fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok || c.pass.ImportObjectFact(fn, new(requestWrapper)) {
				continue
			}
			if fact := c.wrapperFact(decl, fn); fact != nil {
				c.pass.ExportObjectFact(fn, fact)
				changed = true
			}
		}
	}
}

// wrapperFact returns the fact for decl, or nil if it is not a wrapper.
func (c *checker) wrapperFact(decl *ast.FuncDecl, fn *types.Func) *requestWrapper {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return nil
	}
	info := c.pass.TypesInfo
	// paramIndex returns the index of the unmodified parameter e denotes.
	paramIndex := func(e ast.Expr) int {
		v, ok := match.ObjectOf(info, e).(*types.Var)
		if !ok {
			return -1
		}
		for i := range sig.Params().Len() {
			if sig.Params().At(i) == v && !c.function(decl).facts().unsafe[v] && !assigned(info, decl.Body, v) {
				return i
			}
		}
		return -1
	}
	var fact *requestWrapper
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if fact != nil {
			return false
		}
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		methodIdx, constMethod, bodyIdx, _, ok := c.construction(call)
		if !ok {
			return true
		}
		body := paramIndex(call.Args[bodyIdx])
		if body < 0 {
			return true
		}
		if methodIdx < 0 {
			fact = &requestWrapper{Method: -1, ConstMethod: constMethod, Body: body}
			return false
		}
		if m := paramIndex(call.Args[methodIdx]); m >= 0 {
			fact = &requestWrapper{Method: m, Body: body}
		} else if s, ok := c.constString(call.Args[methodIdx]); ok && bodyless(s) {
			fact = &requestWrapper{Method: -1, ConstMethod: s, Body: body}
		}
		return fact == nil
	})
	return fact
}

// assigned reports whether body assigns v.
func assigned(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if w, ok := match.ObjectOf(info, lhs).(*types.Var); ok && w == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
