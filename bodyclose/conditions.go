package bodyclose

// Branch conditions: where the response is nil or the error set, and
// where it has no body.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// pruned reports whether the branch (true or false) of cond cannot hold
// an open response: the error of the source is not nil there, or the
// response is nil, or the analysis cannot tell.
func (s *search) pruned(cond ast.Expr, branch bool, st state) bool {
	if tag, ok := s.fn.caseTags[cond]; ok {
		// case value of a tag switch: tag == cond
		if s.errVar != nil && st.errLive && match.Mentions(s.fn.c.pass.TypesInfo, tag, s.errVar) {
			return true
		}
		return false
	}
	return s.nilOn(cond, branch, st) || s.noCallTakes(cond, branch)
}

// noCallTakes reports whether the branch of cond needs a parameter of the
// function to be nil where every call passes a value never nil
// (engine.Index.ArgNeverNil): a path no caller can take.
func (s *search) noCallTakes(cond ast.Expr, branch bool) bool {
	info := s.fn.c.pass.TypesInfo
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) || (b.Op == token.EQL) != branch {
		return false // not a branch where an operand is nil
	}
	x := b.X
	if match.IsNil(info, x) {
		x = b.Y
	} else if !match.IsNil(info, b.Y) {
		return false
	}
	v, _ := match.ObjectOf(info, x).(*types.Var)
	if v == nil {
		return false
	}
	return s.fn.paramNeverNil(v)
}

// paramNeverNil reports whether v is a parameter of fn's declaration
// that every call passes a value never nil and the body never assigns;
// computed once per parameter (the searches ask at every branch).
func (fn *function) paramNeverNil(v *types.Var) bool {
	if never, ok := fn.neverNil[v]; ok {
		return never
	}
	never := false
	decl, ok := fn.node.(*ast.FuncDecl)
	if ok {
		info := fn.c.pass.TypesInfo
		if obj, _ := info.Defs[decl.Name].(*types.Func); obj != nil {
			params := obj.Type().(*types.Signature).Params()
			for i := 0; i < params.Len(); i++ {
				if params.At(i) == v {
					never = !match.Assigns(info, decl.Body, v) && fn.c.idx.ArgNeverNil(obj, i)
				}
			}
		}
	}
	if fn.neverNil == nil {
		fn.neverNil = make(map[*types.Var]bool)
	}
	fn.neverNil[v] = never
	return never
}

func (s *search) nilOn(e ast.Expr, branch bool, st state) bool {
	info := s.fn.c.pass.TypesInfo
	e = ast.Unparen(e)
	sc := &scanner{c: s.fn.c, tr: s.tr}
	switch e := e.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return s.nilOn(e.X, !branch, st)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			if branch {
				return s.nilOn(e.X, true, st) || s.nilOn(e.Y, true, st)
			}
			return s.nilOn(e.X, false, st) && s.nilOn(e.Y, false, st)
		case token.LOR:
			if branch {
				return s.nilOn(e.X, true, st) && s.nilOn(e.Y, true, st)
			}
			return s.nilOn(e.X, false, st) || s.nilOn(e.Y, false, st)
		case token.EQL, token.NEQ:
			var other ast.Expr
			switch {
			case match.IsNil(info, e.Y):
				other = e.X
			case match.IsNil(info, e.X):
				other = e.Y
			}
			if other != nil {
				isNil := (e.Op == token.EQL) == branch // other is nil on this branch
				if s.errVar != nil && st.errLive && match.ObjectOf(info, other) == s.errVar {
					return !isNil
				}
				if sc.isTracked(other) {
					return isNil
				}
			}
		}
	case *ast.CallExpr:
		if s.errVar != nil && st.errLive && match.Mentions(info, e, s.errVar) {
			if fn := match.Callee(info, e); fn != nil {
				switch fn.Name() {
				case "NoError", "NoErrorf", "Nil", "Nilf", "Succeeded":
					return !branch // true means err == nil
				}
			}
			return true // some predicate of the error: cannot tell
		}
	}
	if s.errVar != nil && st.errLive && match.Mentions(info, e, s.errVar) {
		return true
	}
	for v := range s.derived {
		if match.Mentions(info, e, v) {
			return true
		}
	}
	return false
}

// noBodyOn reports whether the response has no body to read on the branch
// of cond: a 204, 304 or 1xx status, or a zero ContentLength.
func (s *search) noBodyOn(cond ast.Expr, branch bool) bool { return s.bodilessOn(cond, branch, true) }

// releasedOn reports whether the response's connection went back to the
// pool with its header on the branch of cond: no body, and not a 101,
// whose Body is the connection itself, the caller's to close.
func (s *search) releasedOn(cond ast.Expr, branch bool) bool {
	return s.bodilessOn(cond, branch, false)
}

// bodilessOn is noBodyOn, with a 101 Switching Protocols counted as
// bodiless when upgrade.
func (s *search) bodilessOn(cond ast.Expr, branch, upgrade bool) bool {
	info := s.fn.c.pass.TypesInfo
	sc := &scanner{c: s.fn.c, tr: s.tr}
	isNoBodyValue := func(field string, e ast.Expr) bool {
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return false
		}
		v, ok := constant.Int64Val(tv.Value)
		if !ok {
			return false
		}
		if field == "ContentLength" {
			return v == 0
		}
		return v == 204 || v == 304 || (v >= 100 && v < 200 && (upgrade || v != 101))
	}
	field := func(e ast.Expr) string {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if ok && sc.isResp(sel.X) && (sel.Sel.Name == "StatusCode" || sel.Sel.Name == "ContentLength") {
			return sel.Sel.Name
		}
		return ""
	}
	if tag, ok := s.fn.caseTags[cond]; ok {
		return branch && field(tag) != "" && isNoBodyValue(field(tag), cond)
	}
	var rec func(e ast.Expr, branch bool) bool
	rec = func(e ast.Expr, branch bool) bool {
		e = ast.Unparen(e)
		switch e := e.(type) {
		case *ast.UnaryExpr:
			if e.Op == token.NOT {
				return rec(e.X, !branch)
			}
		case *ast.BinaryExpr:
			switch e.Op {
			case token.LAND:
				if branch {
					return rec(e.X, true) || rec(e.Y, true)
				}
				return rec(e.X, false) && rec(e.Y, false)
			case token.LOR:
				if branch {
					return rec(e.X, true) && rec(e.Y, true)
				}
				return rec(e.X, false) || rec(e.Y, false)
			case token.EQL, token.NEQ:
				f, val := field(e.X), e.Y
				if f == "" {
					f, val = field(e.Y), e.X
				}
				if f != "" && isNoBodyValue(f, val) {
					return (e.Op == token.EQL) == branch
				}
			}
		}
		return false
	}
	return rec(cond, branch)
}
