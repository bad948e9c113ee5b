package getbody

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// A request is one request construction whose method has no body.
type request struct {
	node    ast.Node        // the construction: a call or a composite literal
	method  string          // GET, HEAD or TRACE
	methodE ast.Expr        // the method expression, or nil (a wrapper's constant)
	body    ast.Expr        // the body expression (a wrapper's payload), nil if absent
	target  types.Type      // the type of the parameter or field body is passed as
	wrapper *types.Func     // the wrapper called, if any
	fact    *requestWrapper // the wrapper's fact, if any
}

// requestOf returns the request that call, in the function body
// enclosing, builds with http.NewRequest[WithContext] or a wrapper with a
// fact, if its method is a constant without a body.
func (c *checker) requestOf(enclosing *ast.BlockStmt, call *ast.CallExpr) (req request, ok bool) {
	fn := match.Callee(c.pass.TypesInfo, call)
	if fn == nil || call.Ellipsis.IsValid() {
		return req, false
	}
	req.node = call
	switch {
	case match.IsFunc(fn, match.NetHTTP, "NewRequest"), match.IsFunc(fn, match.NetHTTP, "NewRequestWithContext"):
		m := 0
		if fn.Name() == "NewRequestWithContext" {
			m = 1
		}
		if m+2 >= len(call.Args) {
			return req, false
		}
		req.methodE, req.body = call.Args[m], call.Args[m+2]
	default:
		if !c.pass.ImportObjectFact(fn, &c.wrapperFact) {
			return req, false // most calls: no fact, nothing allocated
		}
		fact := new(requestWrapper)
		*fact = c.wrapperFact
		req.wrapper, req.fact = fn, fact
		if fact.Method < 0 {
			req.method = fact.ConstMethod
		} else {
			e, _, ok := c.argField(enclosing, call, fact.Method, fact.MethodField)
			if !ok || e == nil {
				return req, false // an absent Method field: not followed
			}
			req.methodE = e
		}
		var ok bool
		if req.body, req.target, ok = c.argField(enclosing, call, fact.Body, fact.BodyField); !ok {
			return req, false
		}
	}
	if req.methodE != nil {
		req.method, _ = c.constString(req.methodE)
	}
	return req, bodyless(req.method)
}

// argField returns argument idx of call, or its field named field when
// field is not empty, and the type of the parameter or field. A field is
// found in a struct literal given as the argument (T{…}, &T{…}) or in a
// local variable that such a literal initializes and that is used nowhere
// else; e is nil when the literal leaves the field out.
func (c *checker) argField(enclosing *ast.BlockStmt, call *ast.CallExpr, idx int, field string) (e ast.Expr, target types.Type, ok bool) {
	if idx >= len(call.Args) {
		return nil, nil, false
	}
	arg := call.Args[idx]
	if field == "" {
		if t := c.pass.TypesInfo.TypeOf(call.Fun); t != nil {
			if sig, isSig := t.Underlying().(*types.Signature); isSig && idx < sig.Params().Len() {
				target = sig.Params().At(idx).Type()
			}
		}
		return arg, target, true
	}
	lit := c.structLiteral(enclosing, arg)
	if lit == nil {
		return nil, nil, false
	}
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return nil, nil, false
	}
	st, isStruct := t.Underlying().(*types.Struct)
	if !isStruct {
		return nil, nil, false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == field {
			target = f.Type()
			for j, elt := range lit.Elts {
				if kv, isKV := elt.(*ast.KeyValueExpr); isKV {
					if key, isIdent := kv.Key.(*ast.Ident); isIdent && key.Name == field {
						return kv.Value, target, true
					}
				} else if j == i {
					return elt, target, true
				}
			}
			return nil, target, true
		}
	}
	return nil, nil, false
}

// structLiteral returns the struct literal that e is, or that the local
// variable e is initialized with and never used otherwise than as e.
func (c *checker) structLiteral(enclosing *ast.BlockStmt, e ast.Expr) *ast.CompositeLit {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if lit := match.LitOf(e); lit != nil {
		return lit
	}
	id, ok := e.(*ast.Ident)
	if !ok || enclosing == nil {
		return nil
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.Pos() < enclosing.Pos() || v.Pos() >= enclosing.End() {
		return nil
	}
	rhs, ok := match.SoleValue(info, enclosing, v)
	if !ok {
		return nil
	}
	others := false // any other use, = assignments included
	ast.Inspect(enclosing, func(n ast.Node) bool {
		if use, ok := n.(*ast.Ident); ok && use != id && info.Uses[use] == v {
			others = true
		}
		return !others
	})
	if others {
		return nil
	}
	return match.LitOf(rhs)
}

func (c *checker) checkCall(fn *function, call *ast.CallExpr) {
	req, ok := c.requestOf(fn.body(), call)
	if !ok || c.methodReassigned(fn, call) {
		return
	}
	if req.fact != nil && req.fact.Encoder != "" {
		if req.fact.NilSkip && c.nilPayload(fn, req, call) {
			return
		}
	} else if req.body == nil || c.verdict(fn, req.body, call, 0) != nonEmpty {
		return
	}
	what := "http." + calleeName(c.pass.TypesInfo, call)
	if req.wrapper != nil {
		what = req.wrapper.Name()
	}
	c.report(req, call, fmt.Sprintf("%s request built by %s carries a body%s", req.method, what, origin(req)))
}

// nilPayload reports whether the payload given to an encoding wrapper
// that skips nil payloads is nil: left out, the nil literal, or a local
// variable nil on every path whose nil reaches the wrapper as nil (not a
// typed nil pointer put in an interface).
func (c *checker) nilPayload(fn *function, req request, at ast.Node) bool {
	info := c.pass.TypesInfo
	if req.body == nil || match.IsNil(info, req.body) {
		return true
	}
	t := info.TypeOf(req.body)
	if t == nil || req.target == nil {
		return false
	}
	if types.IsInterface(req.target) && !types.IsInterface(t) {
		return false // a typed nil in an interface is not nil
	}
	return c.verdict(fn, req.body, at, 0) == empty
}

// origin says where a wrapper takes the body from, for the message.
func origin(req request) string {
	f := req.fact
	if f == nil || req.wrapper == nil {
		return ""
	}
	name := fmt.Sprintf("#%d", f.Body)
	if sig, ok := req.wrapper.Type().(*types.Signature); ok && f.Body < sig.Params().Len() {
		if n := sig.Params().At(f.Body).Name(); n != "" && n != "_" {
			name = n
		}
	}
	s := ", from its " + name + " argument"
	if f.BodyField != "" {
		s = ", from field " + f.BodyField + " of its " + name + " argument"
	}
	if f.Encoder != "" {
		s += " encoded with " + f.Encoder
	}
	if f.Builder != "" {
		s += " through " + f.Builder
	}
	return s
}

func calleeName(info *types.Info, call *ast.CallExpr) string {
	if fn := match.Callee(info, call); fn != nil {
		return fn.Name()
	}
	return "call"
}

// constString returns the value of e if it is a string constant.
func (c *checker) constString(e ast.Expr) (string, bool) {
	return match.ConstString(c.pass.TypesInfo, e)
}

// methodReassigned reports whether the request that construction node
// initializes (req, err := …) has its Method assigned in fn.
func (c *checker) methodReassigned(fn *function, node ast.Node) bool {
	v := c.assignedVar(fn, node)
	return v != nil && fn.facts().methodSet[v]
}

// assignedVar returns the variable that node (a call or literal, maybe
// under &) is the first value assigned to, if any.
func (c *checker) assignedVar(fn *function, node ast.Node) *types.Var {
	var v *types.Var
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if v != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, rhs := range n.Rhs {
				if match.Unaddr(rhs) == node {
					idx := i
					if len(n.Rhs) == 1 && len(n.Lhs) > 1 {
						idx = 0
					}
					if idx < len(n.Lhs) {
						v, _ = match.ObjectOf(c.pass.TypesInfo, n.Lhs[idx]).(*types.Var)
					}
				}
			}
		case *ast.ValueSpec:
			for i, val := range n.Values {
				if match.Unaddr(val) == node && i < len(n.Names) {
					v, _ = c.pass.TypesInfo.Defs[n.Names[i]].(*types.Var)
				}
			}
		}
		return true
	})
	return v
}

func (c *checker) checkLiteral(fn *function, lit *ast.CompositeLit) {
	req, ok := c.literalRequest(lit)
	if !ok || req.body == nil || c.methodReassigned(fn, lit) {
		return
	}
	if c.verdict(fn, req.body, lit, 0) != nonEmpty {
		return
	}
	c.report(req, req.body, fmt.Sprintf("%s request literal carries a body", req.method))
}

// literalRequest returns the request of an http.Request literal with a
// constant bodyless Method.
func (c *checker) literalRequest(lit *ast.CompositeLit) (req request, ok bool) {
	if !match.IsNamed(c.pass.TypesInfo.TypeOf(lit), match.NetHTTP, "Request") {
		return req, false
	}
	req.node = lit
	for name, kv := range match.KeyedFields(lit) {
		switch name {
		case "Method":
			req.methodE = kv.Value
			req.method, _ = c.constString(kv.Value)
		case "Body":
			req.body = kv.Value
		}
	}
	return req, req.methodE != nil && bodyless(req.method)
}

// checkAssign reports req.Body = b (or req.GetBody = f) on a request that
// fn built with a bodyless method.
func (c *checker) checkAssign(fn *function, as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "Body" && sel.Sel.Name != "GetBody") {
			continue
		}
		v, ok := match.ObjectOf(c.pass.TypesInfo, sel.X).(*types.Var)
		if !ok || !match.IsRequest(v.Type()) || fn.facts().methodSet[v] {
			continue
		}
		rhs := as.Rhs[i]
		if sel.Sel.Name == "GetBody" {
			if match.IsNil(c.pass.TypesInfo, rhs) {
				continue
			}
		} else if c.verdict(fn, rhs, as, 0) != nonEmpty {
			continue
		}
		origin, ok := c.requestVar(fn, v, as)
		if !ok {
			continue
		}
		c.reportAssign(origin, as, sel.Sel.Name)
	}
}

// requestVar returns the construction of the request held by v at node
// at, when every definition of v reaching it is one construction with a
// bodyless constant method.
func (c *checker) requestVar(fn *function, v *types.Var, at ast.Node) (request, bool) {
	defs, complete := fn.reachingDefs(c.pass.TypesInfo, v, at)
	if !complete || len(defs) != 1 {
		return request{}, false
	}
	d := defs[0]
	if d.value == nil {
		return request{}, false
	}
	switch e := match.Unaddr(d.value).(type) {
	case *ast.CallExpr:
		if d.tuple != 0 {
			return request{}, false
		}
		return c.requestOf(fn.body(), e)
	case *ast.CompositeLit:
		if d.tuple >= 0 {
			return request{}, false
		}
		return c.literalRequest(e)
	}
	return request{}, false
}
