package getbody

// A body put back: a wrapper that reads its body parameter (to print it
// when debugging) and gives the parameter a new reader over the bytes it
// read still sends that parameter's body.

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// assignedOther reports whether body gives v a value other than a reader
// over v's own bytes (rewrap).
func assignedOther(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok {
			return !found
		}
		for i, lhs := range as.Lhs {
			if w, ok := match.ObjectOf(info, lhs).(*types.Var); !ok || w != v {
				continue
			}
			value, tuple, ok := match.AssignedValue(as, i)
			if !ok || tuple >= 0 || !rewrap(info, body, value, v) {
				found = true
			}
		}
		return !found
	})
	return found
}

// rewrap reports whether e is bytes.NewReader(b), bytes.NewBuffer(b) or
// strings.NewReader(string(b)) where every value body gives b is
// io.ReadAll(v): v's own bytes, put back.
func rewrap(info *types.Info, body *ast.BlockStmt, e ast.Expr, v *types.Var) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fn := match.Callee(info, call)
	arg := ast.Unparen(call.Args[0])
	switch {
	case match.IsFunc(fn, "bytes", "NewReader", "NewBuffer"):
	case match.IsFunc(fn, "strings", "NewReader"):
		conv, ok := arg.(*ast.CallExpr)
		if !ok || len(conv.Args) != 1 || !info.Types[conv.Fun].IsType() {
			return false
		}
		arg = ast.Unparen(conv.Args[0])
	default:
		return false
	}
	b, ok := match.ObjectOf(info, arg).(*types.Var)
	if !ok {
		return false
	}
	values := 0
	ok = true
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			for i, lhs := range match.Assigned(n) {
				if match.ObjectOf(info, lhs) != b {
					continue
				}
				values++
				value, tuple, paired := match.AssignedValue(n, i)
				ok = ok && paired && tuple == 0 && readsAll(info, value, v)
			}
		}
		return ok
	})
	return ok && values > 0
}

// readsAll reports whether e is io.ReadAll(v) or ioutil.ReadAll(v).
func readsAll(info *types.Info, e ast.Expr, v *types.Var) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fn := match.Callee(info, call)
	return (match.IsFunc(fn, "io", "ReadAll") || match.IsFunc(fn, "io/ioutil", "ReadAll")) && match.ObjectOf(info, call.Args[0]) == v
}
