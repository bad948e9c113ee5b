package getbody

import (
	"fmt"
	"go/ast"
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
		fact := new(requestWrapper)
		if !c.pass.ImportObjectFact(fn, fact) {
			return req, false
		}
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
	if lit, ok := unaddr(e).(*ast.CompositeLit); ok {
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
	var lit *ast.CompositeLit
	defs, others := 0, 0
	ast.Inspect(enclosing, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if match.ObjectOf(info, lhs) == v {
					defs++
					if len(n.Lhs) == len(n.Rhs) {
						lit, _ = unaddr(n.Rhs[i]).(*ast.CompositeLit)
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] == v {
					defs++
					if len(n.Names) == len(n.Values) {
						lit, _ = unaddr(n.Values[i]).(*ast.CompositeLit)
					}
				}
			}
		case *ast.Ident:
			if n != id && info.Uses[n] == v {
				others++ // any other use, = assignments included
			}
		}
		return true
	})
	if defs != 1 || others != 0 {
		return nil
	}
	return lit
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
