package match

// What the syntax of a statement, expression or function holds.

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
)

// Assigned returns what the statement n assigns: the left side of an
// assignment, the names of a var spec, a range statement's key and value
// (those present); nil for any other node.
func Assigned(n ast.Node) []ast.Expr {
	var lhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		lhs = n.Lhs
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
	case *ast.RangeStmt:
		for _, e := range []ast.Expr{n.Key, n.Value} {
			if e != nil {
				lhs = append(lhs, e)
			}
		}
	}
	return lhs
}

// AssignedValue returns the value that n, an assignment or a var spec,
// gives its i-th left-hand side (in the order of Assigned): the i-th
// right-hand side when the sides pair one to one, tuple being -1, or the
// one value of a tuple assignment (a call, a comma-ok form), tuple being
// i. value is nil, tuple -1, for a var spec without values (the zero
// value), and with ok false when there is no such value: the sides do
// not pair (code that does not type-check), or n is another node.
func AssignedValue(n ast.Node, i int) (value ast.Expr, tuple int, ok bool) {
	var rhs []ast.Expr
	var lhs int
	switch n := n.(type) {
	case *ast.AssignStmt:
		rhs, lhs = n.Rhs, len(n.Lhs)
	case *ast.ValueSpec:
		rhs, lhs = n.Values, len(n.Names)
	}
	switch {
	case i < 0 || i >= lhs:
	case len(rhs) == lhs:
		return rhs[i], -1, true
	case len(rhs) == 1:
		return rhs[0], i, true
	case len(rhs) == 0:
		return nil, -1, true // var x T; an assignment has a value
	}
	return nil, -1, false
}

// SoleValue returns the value (AssignedValue) of the one assignment or
// var spec under n that sets the variable v, and ok=false when none or
// more than one does.
func SoleValue(info *types.Info, n ast.Node, v *types.Var) (value ast.Expr, ok bool) {
	count := 0
	ast.Inspect(n, func(m ast.Node) bool {
		switch m.(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			for i, lhs := range Assigned(m) {
				if ObjectOf(info, lhs) == v {
					count++
					value, _, _ = AssignedValue(m, i)
				}
			}
		}
		return true
	})
	return value, count == 1
}

// Assigns reports whether the syntax under n assigns v or takes its
// address (after which anything may assign it).
func Assigns(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				found = found || ObjectOf(info, l) == v
			}
		case *ast.UnaryExpr:
			found = found || n.Op == token.AND && ObjectOf(info, n.X) == v
		}
		return !found
	})
	return found
}

// KeyedFields yields the elements of the composite literal lit keyed by
// a name (the fields a struct literal sets), each with that name.
func KeyedFields(lit *ast.CompositeLit) iter.Seq2[string, *ast.KeyValueExpr] {
	return func(yield func(string, *ast.KeyValueExpr) bool) {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && !yield(key.Name, kv) {
					return
				}
			}
		}
	}
}

// KeyedField returns the element of the keyed composite literal lit that
// sets field name, or nil.
func KeyedField(lit *ast.CompositeLit, name string) *ast.KeyValueExpr {
	for key, kv := range KeyedFields(lit) {
		if key == name {
			return kv
		}
	}
	return nil
}

// Field returns the value the keyed composite literal lit gives field
// name, or nil.
func Field(lit *ast.CompositeLit, name string) ast.Expr {
	if kv := KeyedField(lit, name); kv != nil {
		return kv.Value
	}
	return nil
}

// Unaddr returns e without parentheses, and without a leading & (&x is
// x): what e is, or takes the address of.
func Unaddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
}

// LitOf returns the composite literal e is, or takes the address of
// (&T{…}), without parentheses, or nil.
func LitOf(e ast.Expr) *ast.CompositeLit {
	lit, _ := Unaddr(e).(*ast.CompositeLit)
	return lit
}

// IdentOf returns e without parentheses if it is an identifier, or nil.
func IdentOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// Func returns the signature and body of a function declaration or
// literal, and nils for any other node.
func Func(n ast.Node) (*ast.FuncType, *ast.BlockStmt) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type, n.Body
	case *ast.FuncLit:
		return n.Type, n.Body
	}
	return nil, nil
}

// StmtList returns the statements of a block, case clause or select
// clause, and nil for any other node.
func StmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// InspectStack walks the syntax under n as ast.Inspect does, calling
// visit on each node with its ancestors below n, outermost first (n
// first, the node itself not among them); visit returns false to skip
// the node's children.
func InspectStack(n ast.Node, visit func(m ast.Node, stack []ast.Node) bool) {
	var stack []ast.Node
	ast.Inspect(n, func(m ast.Node) bool {
		if m == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if !visit(m, stack) {
			return false
		}
		stack = append(stack, m)
		return true
	})
}

// ParentOf returns the parent of n, whose ancestors stack holds
// (outermost first), past the parentheses around n; child is what the
// parent holds (n or its outermost parenthesis), rest the ancestors of
// the parent. parent is nil when stack holds nothing but parentheses.
func ParentOf(n ast.Node, stack []ast.Node) (parent, child ast.Node, rest []ast.Node) {
	child = n
	for i := len(stack) - 1; i >= 0; i-- {
		if _, ok := stack[i].(*ast.ParenExpr); ok {
			child = stack[i]
			continue
		}
		return stack[i], child, stack[:i]
	}
	return nil, child, nil
}

// Ancestors yields the nodes of stack, those that enclose n from the
// outermost in, each with its child on the way to n (n for the last).
func Ancestors(stack []ast.Node, n ast.Node) iter.Seq2[ast.Node, ast.Node] {
	return func(yield func(anc, child ast.Node) bool) {
		for i, anc := range stack {
			child := n
			if i+1 < len(stack) {
				child = stack[i+1]
			}
			if !yield(anc, child) {
				return
			}
		}
	}
}

// AnyOutsideLits reports whether pred holds for a node under n (n
// included) outside the function literals in n: code that runs when n
// does, not when a literal is called.
func AnyOutsideLits(n ast.Node, pred func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found || m == nil {
			return false
		}
		if _, ok := m.(*ast.FuncLit); ok {
			return false
		}
		found = pred(m)
		return true
	})
	return found
}

// Mentions reports whether the syntax under n uses the variable v.
func Mentions(info *types.Info, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Uses[id] == v {
			found = true
		}
		return !found
	})
	return found
}
