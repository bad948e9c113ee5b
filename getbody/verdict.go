package getbody

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// A verdict says whether a body expression is empty.
type verdict int

const (
	unknown  verdict = iota // cannot tell: stay silent
	empty                   // nil, NoBody or zero-length
	nonEmpty                // carries data on some path
)

func join(a, b verdict) verdict {
	if a == nonEmpty || b == nonEmpty {
		return nonEmpty
	}
	if a == unknown || b == unknown {
		return unknown
	}
	return empty
}

// verdict tells whether the body expression e, evaluated at node at of
// fn, is empty.
func (c *checker) verdict(fn *function, e ast.Expr, at ast.Node, depth int) verdict {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if depth > 8 {
		return unknown
	}
	if match.IsNil(info, e) || match.IsPackageLevelVar(info, e, match.NetHTTP, "NoBody") {
		return empty
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || !fn.declares(v) {
			return unknown // parameter, captured or package-level variable
		}
		if fn.facts().unsafe[v] {
			return unknown
		}
		if isBuf, _ := bufferType(v.Type()); isBuf {
			return c.bufferVerdict(fn, v, at, depth)
		}
		defs, complete := fn.reachingDefs(info, v, at)
		result := empty
		if !complete {
			result = unknown
		}
		for _, d := range defs {
			switch {
			case d.value == nil:
				// var x T: the zero value, nil
			case d.tuple >= 0:
				if _, isCall := ast.Unparen(d.value).(*ast.CallExpr); isCall {
					result = join(result, nonEmpty) // a call's result
				} else {
					result = join(result, unknown) // comma-ok forms
				}
			default:
				result = join(result, c.verdict(fn, d.value, d.node, depth+1))
			}
		}
		return result

	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.verdict(fn, e.Args[0], at, depth+1) // conversion
		}
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
				if zeroLengthReader(info.TypeOf(e)) {
					return empty
				}
				return nonEmpty
			}
		}
		callee := match.Callee(info, e)
		if len(e.Args) == 1 && (match.IsFunc(callee, "strings", "NewReader") ||
			match.IsFunc(callee, "bytes", "NewReader", "NewBuffer", "NewBufferString")) {
			if c.emptyData(e.Args[0]) || c.bufferContents(fn, e.Args[0], at, depth) == empty {
				return empty
			}
		}
		return nonEmpty

	case *ast.UnaryExpr:
		if _, ok := ast.Unparen(e.X).(*ast.Ident); ok && e.Op == token.AND {
			return c.bufferExpr(fn, e, at, depth) // &buf
		}
		if lit, ok := ast.Unparen(e.X).(*ast.CompositeLit); ok && e.Op == token.AND {
			if len(lit.Elts) == 0 && zeroLengthReader(info.TypeOf(e)) {
				return empty
			}
			return nonEmpty
		}
	case *ast.CompositeLit:
		return nonEmpty
	}
	return unknown // fields, index expressions, type assertions…
}

// zeroLengthReader reports whether t is a pointer to one of the reader
// types whose zero value http.NewRequest turns into http.NoBody.
func zeroLengthReader(t types.Type) bool {
	return match.IsPointerTo(t, "bytes", "Buffer") || match.IsPointerTo(t, "bytes", "Reader") ||
		match.IsPointerTo(t, "strings", "Reader")
}

// emptyData reports whether e is provably zero-length data: nil, "",
// []byte{}, []byte("") and the like.
func (c *checker) emptyData(e ast.Expr) bool {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if match.IsNil(info, e) {
		return true
	}
	if s, ok := match.ConstString(info, e); ok {
		return s == ""
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		return len(e.Elts) == 0
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.emptyData(e.Args[0])
		}
	}
	return false
}
