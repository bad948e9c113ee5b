package bodyclose

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// poolOfLocal evaluates a local variable of fn from every value assigned
// to it, and to its Transport (or embedded client), dial hooks, Protocols
// or DisableKeepAlives.
func (c *checker) poolOfLocal(fn *function, v *types.Var, depth int) pool {
	info := c.pass.TypesInfo
	lv := &localPools{c: c, fn: fn, v: v, depth: depth}
	lv.embedded, _ = embeddedPool(v.Type())
	ok := true
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND && match.ObjectOf(info, n.X) == v {
				ok = false // its address escapes: anything may change it
			}
		case *ast.AssignStmt:
			lv.assign(n)
		case *ast.ValueSpec:
			lv.declare(n)
		}
		return true
	})
	if !ok {
		return poolShared
	}
	if lv.noReuse {
		return poolNoReuse
	}
	ps := lv.ps
	if len(lv.fields) > 0 {
		// The Transport is set after the literal: the literal's default
		// (DefaultTransport) is not what requests use.
		if lv.unset == len(ps) {
			ps = nil
		}
		ps = append(ps, lv.fields...)
	}
	p := combine(ps)
	if p == poolFresh && match.IsNamedOrPointer(v.Type(), match.NetHTTP, "Transport") {
		switch {
		case lv.oneConn:
			return poolOneConn
		case c.h2Only(fn, v, true):
			return poolNoReuse
		}
	}
	return p
}

// localPools gathers, for poolOfLocal, the pools of the values fn assigns
// to the local variable v (ps) and to its Transport or embedded client
// (fields), and what its other fields decide.
type localPools struct {
	c        *checker
	fn       *function
	v        *types.Var
	depth    int
	embedded string // the name of v's embedded client or transport, if any

	ps, fields []pool
	unset      int  // literals that leave the Transport to a later assignment
	noReuse    bool // DisableKeepAlives set to true
	oneConn    bool // a dial hook that hands out one connection
}

// value records the pool of e, a value of v.
func (lv *localPools) value(e ast.Expr) {
	e = match.Unaddr(e)
	if lit, isLit := e.(*ast.CompositeLit); isLit && !lv.c.setsPool(lit) {
		lv.unset++
	}
	lv.ps = append(lv.ps, lv.c.poolOfExpr(lv.fn, e, lv.depth+1))
}

// assign records an assignment to v or to one of its fields.
func (lv *localPools) assign(n *ast.AssignStmt) {
	info := lv.c.pass.TypesInfo
	for i, l := range n.Lhs {
		if sel, isSel := ast.Unparen(l).(*ast.SelectorExpr); isSel && match.ObjectOf(info, sel.X) == lv.v {
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			switch name := sel.Sel.Name; {
			case name == "DisableKeepAlives":
				if isConstTrue(info, n.Rhs[i]) {
					lv.noReuse = true
				}
			case name == "Transport" || (lv.embedded != "" && name == lv.embedded):
				lv.fields = append(lv.fields, lv.c.poolOfExpr(lv.fn, n.Rhs[i], lv.depth+1))
			case dialHooks[name]:
				lv.oneConn = lv.oneConn || lv.c.handsOutConn(n.Rhs[i])
			}
			continue
		}
		if match.ObjectOf(info, l) != lv.v {
			continue
		}
		if len(n.Lhs) != len(n.Rhs) {
			if len(n.Rhs) == 1 && isPoolType(lv.v.Type()) {
				lv.value(n.Rhs[0]) // c, err := newClient(): its fact
			} else {
				lv.ps = append(lv.ps, poolShared)
			}
			continue
		}
		lv.value(n.Rhs[i])
	}
}

// declare records the declaration of v.
func (lv *localPools) declare(n *ast.ValueSpec) {
	for i, name := range n.Names {
		if lv.c.pass.TypesInfo.Defs[name] != lv.v {
			continue
		}
		if len(n.Values) != len(n.Names) {
			if len(n.Values) == 0 && match.IsNamed(lv.v.Type(), match.NetHTTP, "Transport") {
				lv.ps = append(lv.ps, poolFresh) // var t http.Transport
			} else {
				lv.ps = append(lv.ps, poolShared)
			}
			continue
		}
		lv.value(n.Values[i])
	}
}

// setsPool reports whether lit, a client, a transport or a struct
// embedding one, sets the field that decides its pool: a Client's
// Transport, the embedded client. A Transport literal always does.
func (c *checker) setsPool(lit *ast.CompositeLit) bool {
	t := c.pass.TypesInfo.TypeOf(lit)
	name := "Transport"
	if !match.IsNamed(t, match.NetHTTP, "Client") {
		var ok bool
		if name, ok = embeddedPool(t); !ok {
			return true
		}
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok && isIdent(kv.Key, name) {
			return true
		}
	}
	return false
}

// poolOfStored evaluates a package variable or an unexported struct field
// from every value the package stores in it: only a pool without reuse
// counts (a field set once is shared by every call).
func (c *checker) poolOfStored(v, field *types.Var, depth int) pool {
	if c.storedCache == nil {
		c.storedCache = make(map[*types.Var]pool)
	}
	key := v
	if key == nil {
		key = field
	}
	if p, ok := c.storedCache[key]; ok {
		return p
	}
	c.storedCache[key] = poolShared // recursion guard
	info := c.pass.TypesInfo
	sp := &storedPools{c: c, v: v, field: field, depth: depth, ok: true}
	for _, file := range c.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if !sp.ok {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncDecl:
				if n.Body != nil {
					sp.encl = c.function(n)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND && v != nil && match.ObjectOf(info, n.X) == v {
					sp.ok = false
				}
			case *ast.KeyValueExpr:
				if id, isId := n.Key.(*ast.Ident); isId && field != nil && info.Uses[id] == field {
					sp.ps = append(sp.ps, c.poolOfExpr(sp.encl, n.Value, depth+1))
				}
			case *ast.AssignStmt:
				sp.assign(n)
			case *ast.ValueSpec:
				sp.declare(n)
			}
			return true
		})
	}
	ok, ps := sp.ok, sp.ps
	p := poolShared
	if ok && combine(ps) == poolNoReuse {
		p = poolNoReuse
	}
	c.storedCache[key] = p
	return p
}

// storedPools gathers, for poolOfStored, the pools of the values the
// package stores in the package variable v or the field field (ps); ok is
// false once the variable may change where the package cannot see.
type storedPools struct {
	c        *checker
	v, field *types.Var
	depth    int
	encl     *function // the function declaration being inspected

	ps []pool
	ok bool
}

// assign records an assignment to v or field, or to the Transport or
// DisableKeepAlives of the client they hold.
func (sp *storedPools) assign(n *ast.AssignStmt) {
	info := sp.c.pass.TypesInfo
	v, field := sp.v, sp.field
	for i, l := range n.Lhs {
		l = ast.Unparen(l)
		var target types.Object
		switch l := l.(type) {
		case *ast.Ident:
			target = info.Uses[l]
		case *ast.SelectorExpr:
			target = info.Uses[l.Sel]
			if inner, isSel := ast.Unparen(l.X).(*ast.SelectorExpr); isSel && (l.Sel.Name == "Transport" || l.Sel.Name == "DisableKeepAlives") {
				if (field != nil && info.Uses[inner.Sel] == field) || (v != nil && match.ObjectOf(info, inner.X) == v) {
					sp.ok = false // c.client.Transport = …: changed later
				}
			}
			if v != nil && match.ObjectOf(info, l.X) == v {
				sp.ok = false
			}
		}
		if target == nil || (target != v && target != field) {
			continue
		}
		if len(n.Lhs) != len(n.Rhs) {
			sp.ps = append(sp.ps, poolShared)
			continue
		}
		sp.ps = append(sp.ps, sp.c.poolOfExpr(sp.encl, n.Rhs[i], sp.depth+1))
	}
}

// declare records the declaration of the package variable v.
func (sp *storedPools) declare(n *ast.ValueSpec) {
	for i, name := range n.Names {
		if sp.v == nil || sp.c.pass.TypesInfo.Defs[name] != sp.v {
			continue
		}
		if len(n.Values) != len(n.Names) {
			sp.ps = append(sp.ps, poolShared)
			continue
		}
		sp.ps = append(sp.ps, sp.c.poolOfExpr(nil, n.Values[i], sp.depth+1))
	}
}
