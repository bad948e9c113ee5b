package bodyclose

// Leaks on the error paths of a one-shot program: when the error a
// function returns ends the program (or the command) at once, a body it
// left open on that path holds its connection for no time at all. An
// independent reading rated every such finding "true, but costs nothing"
// (tailscale's checkmetrics getKB, `tailscale debug ts2021`).

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/httpvet/httpvet/internal/match"
)

// leaksOnlyOnErrors reports whether every leaking exit of s is a return of
// a non-nil error.
func (c *checker) leaksOnlyOnErrors(fn *function, s *search) bool {
	if len(s.leaks) == 0 {
		return false
	}
	for _, e := range s.leaks {
		if e.kind != leakReturn {
			return false
		}
		ret := returnAt(fn.body(), e.pos)
		if ret == nil || !fn.errorReturn(ret) {
			return false
		}
	}
	return true
}

// returnAt returns the return statement of body at pos, or nil.
func returnAt(body ast.Node, pos token.Pos) *ast.ReturnStmt {
	var ret *ast.ReturnStmt
	ast.Inspect(body, func(n ast.Node) bool {
		if ret != nil || n == nil || n.Pos() > pos || n.End() <= pos {
			return false
		}
		if r, ok := n.(*ast.ReturnStmt); ok && r.Pos() == pos {
			ret = r
		}
		return true
	})
	return ret
}

// errorEndsProgram reports whether an error fn returns ends the program
// right away:
//   - fn is a function of package main called only from main, not in a
//     loop, each call's error checked right after by an if whose body ends
//     the program (log.Fatal, os.Exit, a return from main);
//   - or fn is the entry point of a command-line command: a function (or
//     literal) given as Exec, Run, RunE or Action of a Command literal of
//     ffcli, cobra or urfave/cli, used nowhere else; the command line
//     prints its error and exits.
func (c *checker) errorEndsProgram(fn *function) bool {
	if lit, ok := fn.node.(*ast.FuncLit); ok {
		kv, ok := c.idx.Parent(lit).(*ast.KeyValueExpr)
		return ok && c.commandEntry(kv)
	}
	decl, ok := fn.node.(*ast.FuncDecl)
	if !ok || decl.Recv != nil {
		return false
	}
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	isMain := c.pass.Pkg.Name() == "main"
	if obj.Exported() && !isMain {
		return false
	}
	uses, ends := 0, true
	c.forEachUse(obj, func(stack []ast.Node, id *ast.Ident) bool {
		uses++
		if call := callOf(stack, id); call != nil {
			ends = isMain && c.exitsOnError(stack, call)
		} else {
			kv, ok := c.valueOfKey(stack, id)
			ends = ok && c.commandEntry(kv)
		}
		return ends
	})
	return ends && uses > 0
}

// exitsOnError reports whether call, the last node under stack, is made
// directly in main, in no loop, and an if right after it (or around it,
// as its init) ends the program when the error it returned is not nil.
func (c *checker) exitsOnError(stack []ast.Node, call *ast.CallExpr) bool {
	if inLoop(stack) {
		return false
	}
	caller, _ := enclosingFuncNode(stack)
	decl, ok := caller.(*ast.FuncDecl)
	if !ok || decl.Recv != nil || decl.Name.Name != "main" {
		return false
	}
	// The statement holding the call.
	var st ast.Stmt
	k := len(stack) - 1
	for ; k >= 0; k-- {
		if s, ok := stack[k].(ast.Stmt); ok {
			st = s
			break
		}
	}
	assign, ok := st.(*ast.AssignStmt)
	if !ok || len(assign.Rhs) != 1 || ast.Unparen(assign.Rhs[0]) != call {
		return false
	}
	var check *ast.IfStmt
	if k > 0 {
		if ifs, ok := stack[k-1].(*ast.IfStmt); ok && ifs.Init == st {
			check = ifs
		}
	}
	if check == nil {
		check, _ = c.idx.NextSibling(assign).(*ast.IfStmt)
	}
	if check == nil || !c.errNotNil(check.Cond, assign) || len(check.Body.List) == 0 {
		return false
	}
	switch last := check.Body.List[len(check.Body.List)-1].(type) {
	case *ast.ReturnStmt:
		return true // from main
	case *ast.ExprStmt:
		call, ok := ast.Unparen(last.X).(*ast.CallExpr)
		return ok && c.idx.NoReturn(call)
	}
	return false
}

// errNotNil reports whether cond is `err != nil` for an error variable
// assign assigns.
func (c *checker) errNotNil(cond ast.Expr, assign *ast.AssignStmt) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != token.NEQ {
		return false
	}
	info := c.pass.TypesInfo
	v := info.ObjectOf(match.IdentOf(bin.X))
	if v == nil || !isError(v.Type()) || !info.Types[bin.Y].IsNil() {
		return false
	}
	for _, l := range assign.Lhs {
		if id := match.IdentOf(l); id != nil && info.ObjectOf(id) == v {
			return true
		}
	}
	return false
}

// valueOfKey returns the key-value pair whose value is id, the last node
// under stack (or a selector ending in it).
func (c *checker) valueOfKey(stack []ast.Node, id *ast.Ident) (*ast.KeyValueExpr, bool) {
	var val ast.Node = id
	i := len(stack) - 1
	if i >= 0 {
		if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
			val = sel
			i--
		}
	}
	if i < 0 {
		return nil, false
	}
	kv, ok := stack[i].(*ast.KeyValueExpr)
	return kv, ok && kv.Value == val
}

// commandEntry reports whether kv is the Exec, Run, RunE or Action field
// of a Command literal of a command-line package (ffcli, cobra,
// urfave/cli).
func (c *checker) commandEntry(kv *ast.KeyValueExpr) bool {
	key := match.IdentOf(kv.Key)
	if key == nil {
		return false
	}
	switch key.Name {
	case "Exec", "Run", "RunE", "Action":
	default:
		return false
	}
	lit, ok := c.idx.Parent(kv).(*ast.CompositeLit)
	if !ok {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(lit)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	if !ok || named.Obj().Name() != "Command" || named.Obj().Pkg() == nil {
		return false
	}
	path := named.Obj().Pkg().Path()
	for _, cli := range []string{"github.com/peterbourgon/ff", "github.com/spf13/cobra", "github.com/urfave/cli"} {
		if strings.HasPrefix(path, cli) {
			return true
		}
	}
	return false
}
