package match

import (
	"go/ast"
	"go/parser"
	"go/types"
	"testing"
)

func TestAssignedValue(t *testing.T) {
	_, info, f := checkSrc(t, `package p

func two() (int, int) { return 1, 2 }

func _() {
	a, b := 1, 2
	c, d := two()
	var e, g = two()
	var h int
	a, b = b, a
	_, _, _, _, _, _ = a, b, c, d, e, g
	_ = h
}
`)
	body := f.Decls[1].(*ast.FuncDecl).Body.List
	spec := func(i int) ast.Node { return body[i].(*ast.DeclStmt).Decl.(*ast.GenDecl).Specs[0] }
	for _, tc := range []struct {
		n         ast.Node
		i         int
		wantValue bool
		wantTuple int
		wantOK    bool
	}{
		{body[0], 1, true, -1, true},
		{body[1], 1, true, 1, true},
		{spec(2), 0, true, 0, true},
		{spec(3), 0, false, -1, true}, // the zero value
		{body[4], 0, true, -1, true},
		{body[4], 2, false, -1, false},    // no such left-hand side
		{f.Decls[0], 0, false, -1, false}, // not an assignment
	} {
		v, tuple, ok := AssignedValue(tc.n, tc.i)
		if (v != nil) != tc.wantValue || tuple != tc.wantTuple || ok != tc.wantOK {
			t.Errorf("AssignedValue(%T at %d, %d) = %v, %d, %v", tc.n, tc.n.Pos(), tc.i, v, tuple, ok)
		}
	}
	fn := f.Decls[1].(*ast.FuncDecl)
	varOf := func(e ast.Expr) *types.Var { return info.ObjectOf(e.(*ast.Ident)).(*types.Var) }
	a, c := varOf(body[0].(*ast.AssignStmt).Lhs[0]), varOf(body[1].(*ast.AssignStmt).Lhs[0])
	if _, ok := SoleValue(info, fn, a); ok {
		t.Errorf("SoleValue(a) is ok: a is assigned twice")
	}
	if v, ok := SoleValue(info, fn, c); !ok || v != body[1].(*ast.AssignStmt).Rhs[0] {
		t.Errorf("SoleValue(c) = %v, %v, want the call of two", v, ok)
	}
}

func TestSyntax(t *testing.T) {
	_, info, f := checkSrc(t, `package p

type T struct{ f int }

func _(x *T) {
	p := &(T{})
	go func() { x.f++ }()
	switch {
	case p != nil:
		println(p)
	}
}
`)
	fn := f.Decls[1].(*ast.FuncDecl)
	body := fn.Body.List
	if LitOf(body[0].(*ast.AssignStmt).Rhs[0]) == nil {
		t.Errorf("LitOf(&(T{})) = nil")
	}
	if _, ok := Unaddr(body[0].(*ast.AssignStmt).Rhs[0]).(*ast.CompositeLit); !ok {
		t.Errorf("Unaddr(&(T{})) is not the literal")
	}
	clause := body[2].(*ast.SwitchStmt).Body.List[0]
	if len(StmtList(fn.Body)) != 3 || len(StmtList(clause)) != 1 || StmtList(body[0]) != nil {
		t.Errorf("StmtList wrong")
	}
	sw := body[2].(*ast.SwitchStmt)
	var pairs [][2]ast.Node
	for anc, child := range Ancestors([]ast.Node{fn.Body, sw, sw.Body, clause}, body[0]) {
		pairs = append(pairs, [2]ast.Node{anc, child})
	}
	if len(pairs) != 4 || pairs[0] != [2]ast.Node{fn.Body, sw} || pairs[3] != [2]ast.Node{clause, body[0]} {
		t.Errorf("Ancestors = %v", pairs)
	}
	var printStack []ast.Node
	InspectStack(fn.Body, func(m ast.Node, stack []ast.Node) bool {
		if call, ok := m.(*ast.CallExpr); ok && call.Pos() == clause.(*ast.CaseClause).Body[0].Pos() {
			printStack = append([]ast.Node(nil), stack...)
		}
		_, lit := m.(*ast.FuncLit)
		return !lit
	})
	if len(printStack) != 5 || printStack[0] != fn.Body || printStack[4] != clause.(*ast.CaseClause).Body[0] {
		t.Errorf("InspectStack gave println the stack %v", printStack)
	}
	isIncDec := func(n ast.Node) bool { _, ok := n.(*ast.IncDecStmt); return ok }
	if AnyOutsideLits(fn.Body, isIncDec) || !AnyOutsideLits(body[1].(*ast.GoStmt).Call.Fun.(*ast.FuncLit).Body, isIncDec) {
		t.Errorf("AnyOutsideLits must skip function literals, and only them")
	}
	x := info.Defs[fn.Type.Params.List[0].Names[0]].Type()
	if _, ok := Deref(x).(*types.Named); !ok || Deref(Deref(x)) != Deref(x) {
		t.Errorf("Deref(*T) = %v", Deref(x))
	}
	if _, ok := DerefUnderlying(x).(*types.Struct); !ok || DerefUnderlying(nil) != nil {
		t.Errorf("DerefUnderlying wrong")
	}
}

func TestKeyedFields(t *testing.T) {
	e, err := parser.ParseExpr(`T{a: 1, "b": 2, c: 3}`)
	if err != nil {
		t.Fatal(err)
	}
	lit := e.(*ast.CompositeLit)
	var names []string
	for name := range KeyedFields(lit) {
		names = append(names, name)
	}
	if len(names) != 2 || names[0] != "a" || names[1] != "c" {
		t.Errorf("KeyedFields = %v, want [a c]", names)
	}
	if KeyedField(lit, "c") != lit.Elts[2] || KeyedField(lit, "b") != nil || Field(lit, "a") != lit.Elts[0].(*ast.KeyValueExpr).Value {
		t.Errorf("KeyedField or Field wrong")
	}
}

func TestParentOf(t *testing.T) {
	e, err := parser.ParseExpr(`f(((x)))`)
	if err != nil {
		t.Fatal(err)
	}
	call := e.(*ast.CallExpr)
	outer := call.Args[0].(*ast.ParenExpr)
	inner := outer.X.(*ast.ParenExpr)
	x := inner.X
	parent, child, rest := ParentOf(x, []ast.Node{call, outer, inner})
	if parent != call || child != outer || len(rest) != 0 {
		t.Errorf("ParentOf(x) = %v, %v, %v", parent, child, rest)
	}
	if parent, child, _ := ParentOf(x, []ast.Node{inner}); parent != nil || child != inner {
		t.Errorf("ParentOf(x) under parentheses alone = %v, %v", parent, child)
	}
}
