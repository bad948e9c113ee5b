package timeouts

// The values the package stores in a variable, field or parameter: what
// a listen address or a listener can be.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// paramSite is a parameter of a function fn, or of a function literal
// assigned to the local variable lit (serve := func(ln net.Listener) …).
// Both are nil for the parameters and named results of methods and other
// function literals, whose callers the analyzer does not follow.
type paramSite struct {
	fn       *types.Func
	lit      *types.Var
	idx      int
	variadic bool
}

// valuesOf returns the values the package stores in v (nil entries for
// stores whose value cannot be told apart), and ok=false when v may be
// set where the analyzer cannot see: another package's variable, an
// exported field or package variable, a parameter of an exported
// function, of a method or of a function literal, a function used as a
// value. The parameter of an unexported function takes the arguments of
// its calls in the package.
func (c *checker) valuesOf(v *types.Var) ([]ast.Expr, bool) {
	if v == nil || v.Pkg() != c.pass.Pkg || v.Name() == "_" {
		return nil, false
	}
	c.buildStores()
	if v.IsField() {
		if v.Embedded() || v.Exported() && !c.privateFields[v] {
			return nil, false
		}
	} else if v.Parent() == c.pass.Pkg.Scope() && v.Exported() {
		return nil, false
	}
	if x, ok := c.ranged[v]; ok {
		return c.elements(x), true
	}
	p, isParam := c.params[v]
	if !isParam {
		return c.notInTests(c.stores[v]), true
	}
	var calls []*ast.CallExpr
	switch {
	case p.variadic:
		return nil, false
	case p.lit != nil:
		calls = c.varCalls[p.lit]
		if c.funcVarUsed[p.lit] {
			return nil, false
		}
	case p.fn == nil || exported(p.fn) || c.funcValues[p.fn]:
		return nil, false
	default:
		for _, call := range c.callsOf(p.fn) {
			calls = append(calls, call.Node().(*ast.CallExpr))
		}
	}
	if len(calls) == 0 {
		return nil, false
	}
	return c.argsAt(calls, p.idx, c.notInTests(c.stores[v]))
}

// argsAt appends to vals the argument idx of every call outside
// _test.go files (unless -timeouts.tests), and ok=false when a call
// passes a spread slice or too few arguments.
func (c *checker) argsAt(calls []*ast.CallExpr, idx int, vals []ast.Expr) ([]ast.Expr, bool) {
	for _, ce := range calls {
		if !c.testStores && c.idx.InTestCode(ce.Pos()) {
			continue
		}
		if len(ce.Args) == 1 && !ce.Ellipsis.IsValid() {
			if _, tuple := c.pass.TypesInfo.TypeOf(ce.Args[0]).(*types.Tuple); tuple {
				vals = append(vals, nil) // f(g()): unknown, other calls may still decide
				continue
			}
		}
		if ce.Ellipsis.IsValid() || idx >= len(ce.Args) {
			return nil, false
		}
		vals = append(vals, ce.Args[idx])
	}
	return vals, true
}

// methodValueArgs returns the values the method value at cur (as in
// serve = srv.Serve) is called with as argument idx: it must be assigned
// to a local variable only ever called. ok=false otherwise.
func (c *checker) methodValueArgs(cur cursor, idx int) ([]ast.Expr, bool) {
	cur = outsideParens(cur)
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		return nil, false
	}
	for i, rhs := range as.Rhs {
		if rhs != cur.Node() {
			continue
		}
		id, ok := as.Lhs[i].(*ast.Ident)
		if !ok {
			return nil, false
		}
		f, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok || f.Parent() == nil || f.Parent() == c.pass.Pkg.Scope() {
			return nil, false
		}
		c.buildStores()
		if c.funcVarUsed[f] || len(c.varCalls[f]) == 0 {
			return nil, false
		}
		return c.argsAt(c.varCalls[f], idx, nil)
	}
	return nil, false
}

// buildStores records, once per package, every value stored in a
// variable or field (assignments, declarations, struct literals, range
// variables, &v taken — a flag.StringVar default counts as the value
// stored), the parameters of functions, and the functions used as values.
func (c *checker) buildStores() {
	if c.stores != nil {
		return
	}
	c.stores = make(map[*types.Var][]ast.Expr)
	c.params = make(map[*types.Var]paramSite)
	c.funcValues = make(map[*types.Func]bool)
	c.varCalls = make(map[*types.Var][]*ast.CallExpr)
	c.ranged = make(map[*types.Var]ast.Expr)
	c.privateFields = c.unexportedTypeFields()
	c.funcVarUsed = make(map[*types.Var]bool)
	// Every declaration: the values of any variable (a listen address),
	// every function and parameter.
	c.walk(nil, c.recordStores)
}

// unexportedTypeFields returns the fields of the package's unexported
// struct types: other packages cannot name them, exported or not.
func (c *checker) unexportedTypeFields() map[*types.Var]bool {
	fields := make(map[*types.Var]bool)
	for _, name := range c.pass.Pkg.Scope().Names() {
		tn, ok := c.pass.Pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || tn.Exported() || tn.IsAlias() {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				fields[st.Field(i)] = true
			}
		}
	}
	return fields
}

// store records val as a value stored in the variable or field e denotes,
// when it is the package's.
func (c *checker) store(e ast.Expr, val ast.Expr) {
	if v := varOf(c.pass.TypesInfo, e); v != nil && v.Pkg() == c.pass.Pkg {
		c.stores[v] = append(c.stores[v], val)
	}
}

// recordStores records what the node at cur stores, declares or uses as
// a function value.
func (c *checker) recordStores(cur cursor) {
	info := c.pass.TypesInfo
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			var val ast.Expr
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				val, _, _ = match.AssignedValue(n, i) // ln, err := net.Listen(…): the call
			}
			c.store(lhs, val)
		}
	case *ast.ValueSpec:
		c.recordSpecStores(n)
	case *ast.CompositeLit:
		c.recordLiteralStores(n)
	case *ast.UnaryExpr:
		if n.Op != token.AND {
			return
		}
		var val ast.Expr
		if call, ok := cur.Parent().Node().(*ast.CallExpr); ok && isFlagString(info, call, "StringVar") && call.Args[0] == n {
			val = call.Args[2] // fs.StringVar(&args.listen, "listen", "127.0.0.1:8384", …)
		}
		c.store(n.X, val)
	case *ast.RangeStmt:
		if n.Key != nil {
			c.store(n.Key, nil)
		}
		if n.Value != nil {
			// for _, ln := range lns: the elements of lns.
			if v, ok := info.ObjectOf(match.IdentOf(n.Value)).(*types.Var); ok && n.Tok == token.DEFINE {
				c.ranged[v] = n.X
			} else {
				c.store(n.Value, nil)
			}
		}
	case *ast.FuncDecl:
		fn, _ := info.Defs[n.Name].(*types.Func)
		if n.Recv != nil && n.Name.IsExported() {
			fn = nil // may implement another package's interface
		}
		c.recordParams(n.Type, fn)
	case *ast.FuncLit:
		c.recordParams(n.Type, nil)
		if f := localFuncVar(info, cur); f != nil {
			c.recordLitParams(n.Type, f)
		}
	case *ast.Ident:
		c.recordFuncUse(cur, n)
	}
}

// recordSpecStores records the values of a var declaration.
func (c *checker) recordSpecStores(n *ast.ValueSpec) {
	for i, name := range n.Names {
		val, _, ok := match.AssignedValue(n, i)
		switch {
		case val != nil:
			c.store(name, val)
		case ok: // the zero value
			if b, ok := match.DerefUnderlying(c.pass.TypesInfo.TypeOf(name)).(*types.Basic); ok && b.Info()&types.IsString != 0 {
				c.store(name, nil) // "": every interface
			}
		}
	}
}

// recordLiteralStores records the fields of the package that a struct
// literal sets.
func (c *checker) recordLiteralStores(n *ast.CompositeLit) {
	info := c.pass.TypesInfo
	st, ok := match.DerefUnderlying(info.TypeOf(n)).(*types.Struct)
	if !ok {
		return
	}
	for i, elt := range n.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := info.Uses[key].(*types.Var); ok && f.Pkg() == c.pass.Pkg {
					c.stores[f] = append(c.stores[f], kv.Value)
				}
			}
		} else if i < st.NumFields() && st.Field(i).Pkg() == c.pass.Pkg {
			c.stores[st.Field(i)] = append(c.stores[st.Field(i)], elt)
		}
	}
}

// recordFuncUse records the use n, at cur, of a function of the package
// as a value, or of a variable of function type called or passed on.
func (c *checker) recordFuncUse(cur cursor, n *ast.Ident) {
	switch obj := c.pass.TypesInfo.Uses[n].(type) {
	case *types.Func:
		if obj.Pkg() == c.pass.Pkg && !calledAt(cur) {
			c.funcValues[obj] = true
		}
	case *types.Var:
		if _, isFunc := obj.Type().Underlying().(*types.Signature); !isFunc {
			break
		}
		switch call := callOf(cur); {
		case call != nil:
			c.varCalls[obj] = append(c.varCalls[obj], call)
		case !assignedAt(cur):
			c.funcVarUsed[obj] = true // passed on, stored: called elsewhere
		}
	}
}

// recordParams records the parameters of a function of type ft declared
// as fn (nil: callers not followed), and its named results, never
// followed (a return statement sets them).
func (c *checker) recordParams(ft *ast.FuncType, fn *types.Func) {
	info := c.pass.TypesInfo
	idx := 0
	for i, field := range ft.Params.List {
		_, variadic := field.Type.(*ast.Ellipsis)
		variadic = variadic && i == len(ft.Params.List)-1
		names := field.Names
		if len(names) == 0 {
			idx++
			continue
		}
		for _, name := range names {
			if v, ok := info.Defs[name].(*types.Var); ok {
				c.params[v] = paramSite{fn: fn, idx: idx, variadic: variadic}
			}
			idx++
		}
	}
	if ft.Results != nil {
		for _, field := range ft.Results.List {
			for _, name := range field.Names {
				if v, ok := info.Defs[name].(*types.Var); ok {
					c.params[v] = paramSite{}
				}
			}
		}
	}
}

// calledAt reports whether the identifier at cur is the function of a
// call (f(…), x.f(…), pkg.f(…)).
func calledAt(cur cursor) bool {
	return callOf(cur) != nil
}

// callOf returns the call whose function is the identifier at cur, or
// nil.
func callOf(cur cursor) *ast.CallExpr {
	if sel, ok := cur.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == cur.Node() {
		cur = cur.Parent()
	}
	cur = outsideParens(cur)
	if call, ok := cur.Parent().Node().(*ast.CallExpr); ok && call.Fun == cur.Node() {
		return call
	}
	return nil
}

// notInTests returns the values of vals (stores) outside _test.go files,
// unless -timeouts.tests is set: a test that points a flag or a field elsewhere
// configures the test, not the program.
func (c *checker) notInTests(vals []ast.Expr) []ast.Expr {
	var out []ast.Expr
	for _, val := range vals {
		if val == nil || c.testStores || !c.idx.InTestCode(val.Pos()) {
			out = append(out, val)
		}
	}
	return out
}

// localFuncVar returns the local variable the function literal at cur is
// assigned to (serve := func(…) {…}, serve = func…), or nil.
func localFuncVar(info *types.Info, cur cursor) *types.Var {
	cur = outsideParens(cur)
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	for i, rhs := range as.Rhs {
		if rhs == cur.Node() {
			if id, ok := as.Lhs[i].(*ast.Ident); ok {
				if v, ok := info.ObjectOf(id).(*types.Var); ok && v.Parent() != nil && !v.IsField() && v.Parent() != v.Pkg().Scope() {
					return v
				}
			}
		}
	}
	return nil
}

// recordLitParams records the parameters of a function literal of type
// ft assigned to the local variable f: followed to the calls of f.
func (c *checker) recordLitParams(ft *ast.FuncType, f *types.Var) {
	idx := 0
	for i, field := range ft.Params.List {
		_, variadic := field.Type.(*ast.Ellipsis)
		variadic = variadic && i == len(ft.Params.List)-1
		if len(field.Names) == 0 {
			idx++
			continue
		}
		for _, name := range field.Names {
			if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok {
				c.params[v] = paramSite{lit: f, idx: idx, variadic: variadic}
			}
			idx++
		}
	}
}

// assignedAt reports whether the identifier at cur is assigned (the left
// side of an assignment).
func assignedAt(cur cursor) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, lhs := range as.Lhs {
		if lhs == cur.Node() {
			return true
		}
	}
	return false
}

// elements returns the values the package puts in the slice or array x
// (a local variable): the elements of its literals and the values
// appended to it; a nil entry for any other store.
func (c *checker) elements(x ast.Expr) []ast.Expr {
	v := varOf(c.pass.TypesInfo, x)
	if v == nil || v.IsField() || v.Parent() == c.pass.Pkg.Scope() {
		return []ast.Expr{nil}
	}
	var vals []ast.Expr
	for _, val := range c.notInTests(c.stores[v]) {
		switch val := ast.Unparen(val).(type) {
		case *ast.CompositeLit:
			for _, elt := range val.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					elt = kv.Value
				}
				vals = append(vals, elt)
			}
		case *ast.CallExpr:
			id, ok := ast.Unparen(val.Fun).(*ast.Ident)
			if b, isB := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && isB && b.Name() == "append" && !val.Ellipsis.IsValid() && len(val.Args) > 0 && sameVar(c.pass.TypesInfo, val.Args[0], x) {
				vals = append(vals, val.Args[1:]...)
				continue
			}
			vals = append(vals, nil)
		default:
			vals = append(vals, nil)
		}
	}
	return vals
}
