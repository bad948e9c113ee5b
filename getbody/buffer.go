package getbody

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// A buffer variable holds a bytes.Buffer or a strings.Builder, or a
// pointer to one. NewRequest decides whether a buffer body is empty at the
// call, so a buffer created empty is a body when anything can have written
// to it between its creation and the call: json.NewEncoder(&buf).Encode(v)
// is how JSON is most often sent.

// bufferType reports whether t is bytes.Buffer or strings.Builder
// (pointer reports whether t is a pointer to one).
func bufferType(t types.Type) (ok, pointer bool) {
	if t == nil {
		return false, false
	}
	if p, isPtr := types.Unalias(t).(*types.Pointer); isPtr {
		t, pointer = p.Elem(), true
	}
	return match.IsNamed(t, "bytes", "Buffer") || match.IsNamed(t, "strings", "Builder"), pointer
}

// bufferReadOnly lists the methods of bytes.Buffer and strings.Builder
// that cannot make an empty buffer non-empty: accessors, reads (of an
// empty buffer, they read nothing), Reset, Truncate and Grow.
var bufferReadOnly = map[string]bool{
	"Len": true, "Cap": true, "String": true, "Bytes": true, "Available": true,
	"AvailableBuffer": true, "Reset": true, "Truncate": true, "Grow": true,
	"Read": true, "ReadByte": true, "ReadRune": true, "ReadBytes": true, "ReadString": true,
	"Next": true, "UnreadByte": true, "UnreadRune": true, "WriteTo": true,
}

// bufferVerdict tells whether the local buffer variable v is empty at
// node at: empty when every definition reaching at creates an empty
// buffer and nothing can have written to it since.
func (c *checker) bufferVerdict(fn *function, v *types.Var, at ast.Node, depth int) verdict {
	info := c.pass.TypesInfo
	_, pointer := bufferType(v.Type())
	written := false
	defs, complete := fn.reachingDefsVisit(info, v, at, func(n ast.Node) {
		if !written && c.writesBuffer(n, v) {
			written = true
		}
	})
	if written {
		return nonEmpty
	}
	if !complete {
		return unknown
	}
	result := empty
	for _, d := range defs {
		switch {
		case d.value == nil:
			// var buf bytes.Buffer: empty; var buf *bytes.Buffer: nil
		case d.tuple >= 0:
			result = join(result, unknown)
		case c.emptyBuffer(d.value):
			// new(bytes.Buffer), bytes.NewBuffer(nil), strings.Builder{}…
		case pointer:
			result = join(result, c.verdict(fn, d.value, d.node, depth+1))
		default:
			result = join(result, unknown) // a copy of another buffer
		}
	}
	return result
}

// emptyBuffer reports whether e creates an empty buffer.
func (c *checker) emptyBuffer(e ast.Expr) bool {
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		ok, _ := bufferType(info.TypeOf(e))
		return ok && len(e.Elts) == 0
	case *ast.UnaryExpr:
		if lit, isLit := ast.Unparen(e.X).(*ast.CompositeLit); isLit && e.Op == token.AND {
			return c.emptyBuffer(lit)
		}
	case *ast.CallExpr:
		if id, isIdent := ast.Unparen(e.Fun).(*ast.Ident); isIdent && len(e.Args) == 1 {
			if b, isBuiltin := info.Uses[id].(*types.Builtin); isBuiltin && b.Name() == "new" {
				ok, _ := bufferType(info.TypeOf(e.Args[0]))
				return ok
			}
		}
		callee := match.Callee(info, e)
		return len(e.Args) == 1 && match.IsFunc(callee, "bytes", "NewBuffer", "NewBufferString") && c.emptyData(e.Args[0])
	}
	return false
}

// writesBuffer reports whether the CFG node n may write to the buffer
// variable v: any use of v other than a call of a read-only method, a
// comparison with nil, or an assignment to v itself. Deferred calls run
// after the request is built and do not count.
func (c *checker) writesBuffer(n ast.Node, v *types.Var) bool {
	if _, isDefer := n.(*ast.DeferStmt); isDefer {
		return false
	}
	info := c.pass.TypesInfo
	found := false
	match.InspectStack(n, func(m ast.Node, stack []ast.Node) bool {
		if found {
			return false
		}
		id, isIdent := m.(*ast.Ident)
		if !isIdent || info.Uses[id] != v {
			return true
		}
		found = !harmlessUse(info, append(stack, m)) // the path down to id
		return true
	})
	return found
}

// harmlessUse reports whether the identifier on top of stack, the path
// from a CFG node down to it, is used in a way that cannot write to the
// buffer it denotes.
func harmlessUse(info *types.Info, stack []ast.Node) bool {
	id := stack[len(stack)-1]
	parent := func(k int) ast.Node { // k-th ancestor, skipping parentheses
		for i := len(stack) - 2; i >= 0; i-- {
			if _, isParen := stack[i].(*ast.ParenExpr); isParen {
				continue
			}
			if k--; k == 0 {
				return stack[i]
			}
		}
		return nil
	}
	// NewRequest reads its body argument: buf or &buf given to it as body.
	arg, k := ast.Node(id), 1
	if u, isUnary := parent(1).(*ast.UnaryExpr); isUnary && u.Op == token.AND {
		arg, k = u, 2
	}
	if call, isCall := parent(k).(*ast.CallExpr); isCall && len(call.Args) > 0 &&
		ast.Unparen(call.Args[len(call.Args)-1]) == arg &&
		match.IsFunc(match.Callee(info, call), match.NetHTTP, "NewRequest", "NewRequestWithContext") {
		return true
	}
	switch p := parent(1).(type) {
	case *ast.SelectorExpr:
		call, isCall := parent(2).(*ast.CallExpr)
		return p.X == id && isCall && ast.Unparen(call.Fun) == p && bufferReadOnly[p.Sel.Name]
	case *ast.BinaryExpr:
		return p.Op == token.EQL || p.Op == token.NEQ
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if ast.Unparen(lhs) == id {
				return true // assigned, not used
			}
		}
	}
	return false
}

// bufferContents tells whether e, the data given to bytes.NewReader or
// strings.NewReader, is the contents of a local buffer (buf.Bytes(),
// buf.String()) and whether that buffer is empty.
func (c *checker) bufferContents(fn *function, e ast.Expr, at ast.Node, depth int) verdict {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return unknown
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Bytes" && sel.Sel.Name != "String") {
		return unknown
	}
	return c.bufferExpr(fn, sel.X, at, depth)
}

// bufferExpr tells whether e, a local buffer variable or its address, is
// an empty buffer at node at; unknown if e is not such a variable.
func (c *checker) bufferExpr(fn *function, e ast.Expr, at ast.Node, depth int) verdict {
	id, ok := match.Unaddr(e).(*ast.Ident)
	if !ok {
		return unknown
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || !fn.declares(v) || fn.facts().unsafe[v] {
		return unknown
	}
	if isBuf, _ := bufferType(v.Type()); !isBuf {
		return unknown
	}
	return c.bufferVerdict(fn, v, at, depth)
}
