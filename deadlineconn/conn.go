package deadlineconn

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// Deadline kinds, as bits.
const (
	readBit  = 1
	writeBit = 2
)

// connLike reports whether t has a SetDeadline(time.Time) error method.
func connLike(t types.Type) bool {
	sig := match.MethodSig(t, "SetDeadline")
	return sig != nil && sig.Params().Len() == 1 && match.IsNamed(sig.Params().At(0).Type(), "time", "Time")
}

// deadlineCall returns the receiver and the kind bits of a call of
// SetDeadline, SetReadDeadline or SetWriteDeadline taking a time.Time.
func deadlineCall(info *types.Info, call *ast.CallExpr) (recv ast.Expr, bits int, ok bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 {
		return nil, 0, false
	}
	switch sel.Sel.Name {
	case "SetDeadline":
		bits = readBit | writeBit
	case "SetReadDeadline":
		bits = readBit
	case "SetWriteDeadline":
		bits = writeBit
	default:
		return nil, 0, false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	if !ok {
		return nil, 0, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() != 1 || !match.IsNamed(sig.Params().At(0).Type(), "time", "Time") {
		return nil, 0, false
	}
	return sel.X, bits, true
}

// isZeroTime reports whether e is time.Time{}.
func isZeroTime(info *types.Info, e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok && len(lit.Elts) == 0 && match.IsNamed(info.TypeOf(lit), "time", "Time")
}

// isAbsolute reports whether e is computed from time.Now: a deadline we
// know to be set (other times may be zero, so we stay silent).
func isAbsolute(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if match.IsFunc(match.Callee(info, call), "time", "Now") {
				found = true
			}
		}
		return !found
	})
	return found
}

func varOf(info *types.Info, e ast.Expr) *types.Var {
	v, _ := match.ObjectOf(info, e).(*types.Var)
	return v
}

// inspectNoLit is ast.Inspect that does not enter function literals.
func inspectNoLit(n ast.Node, f func(ast.Node) bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		return f(n)
	})
}

// An event is a deadline set on a returned connection.
type event struct {
	call *ast.CallExpr
	bits int
	name string // what sets it, for the message
	fix  bool   // a direct Set*Deadline call, which may be deleted
}

// returnedVars returns the local variables whose connection the function
// with the given body returns as its first result, and the variables they
// were derived from (tls.Client(conn, …), &wrapper{conn}).
func (c *checker) returnedVars(body *ast.BlockStmt) map[*types.Var]bool {
	info := c.pass.TypesInfo
	vars := make(map[*types.Var]bool)
	addFrom := func(e ast.Expr) bool {
		changed := false
		inspectNoLit(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && !v.IsField() && connLike(v.Type()) && !vars[v] {
					vars[v] = true
					changed = true
				}
			}
			return true
		})
		return changed
	}
	inspectNoLit(body, func(n ast.Node) bool {
		if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) > 0 && !match.IsNil(info, ret.Results[0]) {
			addFrom(ret.Results[0])
		}
		return true
	})
	for changed := true; changed; {
		changed = false
		inspectNoLit(body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != len(as.Rhs) {
				return true
			}
			for i, l := range as.Lhs {
				if v := varOf(info, l); v != nil && vars[v] && addFrom(as.Rhs[i]) {
					changed = true
				}
			}
			return true
		})
	}
	return vars
}

// events returns the deadline sets on vars in node n, and the clear bits.
func (c *checker) events(n ast.Node, vars map[*types.Var]bool) (sets []event, clears int) {
	info := c.pass.TypesInfo
	inspectNoLit(n, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if recv, bits, ok := deadlineCall(info, call); ok {
			if v := varOf(info, recv); v != nil && vars[v] {
				switch {
				case isZeroTime(info, call.Args[0]):
					clears |= bits
				case isAbsolute(info, call.Args[0]):
					sets = append(sets, event{call: call, bits: bits, name: ast.Unparen(call.Fun).(*ast.SelectorExpr).Sel.Name, fix: true})
				}
			}
			return true
		}
		fn := match.Callee(info, call)
		if fn == nil {
			return true
		}
		var fact setsDeadline
		if c.pass.ImportObjectFact(fn, &fact) && fact.Param < len(call.Args) {
			if v := varOf(info, call.Args[fact.Param]); v != nil && vars[v] {
				sets = append(sets, event{call: call, bits: readBit | writeBit, name: fn.Name()})
			}
		}
		return true
	})
	// A connection assigned from, or returned as, the result of a function
	// that returns a connection with a deadline.
	check := func(call *ast.CallExpr) {
		if fn := match.Callee(info, call); fn != nil && c.pass.ImportObjectFact(fn, new(returnsDeadline)) {
			sets = append(sets, event{call: call, bits: readBit | writeBit, name: fn.Name()})
		}
	}
	switch n := n.(type) {
	case *ast.AssignStmt:
		if len(n.Rhs) == 1 && len(n.Lhs) > 0 {
			if v := varOf(info, n.Lhs[0]); v != nil && vars[v] {
				if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
					check(call)
				}
			}
		}
	case *ast.ValueSpec:
		if len(n.Values) == 1 && len(n.Names) > 0 {
			if v, ok := info.Defs[n.Names[0]].(*types.Var); ok && vars[v] {
				if call, ok := ast.Unparen(n.Values[0]).(*ast.CallExpr); ok {
					check(call)
				}
			}
		}
	case *ast.ReturnStmt:
		if len(n.Results) == 1 {
			if call, ok := ast.Unparen(n.Results[0]).(*ast.CallExpr); ok {
				check(call)
			}
		}
	}
	return sets, clears
}

// closes reports whether n calls p.Close().
func (c *checker) closes(n ast.Node, p *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && len(call.Args) == 0 {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "Close" && varOf(c.pass.TypesInfo, sel.X) == p {
				found = true
			}
		}
		return !found
	})
	return found
}

// rearms reports whether t is a connection wrapper whose own Read or Write
// method may move the deadline on each call (an idle timeout): a type of
// this package whose Read or Write calls a deadline method directly or
// through a function of this package, or a type of another package (other
// than net and crypto/tls) declaring Read or Write, whose body we cannot
// see.
func (c *checker) rearms(t types.Type) bool {
	t = match.Deref(t)
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return false
	}
	switch named.Obj().Pkg().Path() {
	case "net", "crypto/tls":
		return false
	}
	for i := range named.NumMethods() {
		m := named.Method(i)
		if m.Name() != "Read" && m.Name() != "Write" {
			continue
		}
		if m.Pkg() != c.pass.Pkg {
			return true
		}
		if d := c.decl(m); d != nil && c.callsDeadline(d.Body, 2) {
			return true
		}
	}
	return false
}

// callsDeadline reports whether body calls a deadline method, directly or
// through functions of this package up to depth calls deep.
func (c *checker) callsDeadline(body *ast.BlockStmt, depth int) bool {
	if body == nil {
		return false
	}
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		if _, _, ok := deadlineCall(info, call); ok {
			found = true
		} else if fn := match.Callee(info, call); fn != nil && depth > 0 && fn.Pkg() == c.pass.Pkg {
			if d := c.decl(fn); d != nil && c.callsDeadline(d.Body, depth-1) {
				found = true
			}
		}
		return !found
	})
	return found
}
