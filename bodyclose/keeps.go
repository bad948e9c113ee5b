package bodyclose

// Keeping: whether a function returns a value that holds a response or
// body parameter (a constructor of a streaming response), so that the
// obligation goes with what it returns (paramsFact.Keeps).

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// keeps reports whether fn returns a value that holds the tracked
// parameter: itself, its body, a reader wrapping it, a struct or a local
// variable holding one of those (a constructor of a streaming response).
func (fn *function) keeps(tr *tracked) bool {
	sig := fn.sig()
	if sig == nil || sig.Results().Len() == 0 {
		return false
	}
	info := fn.c.pass.TypesInfo
	h := &holders{info: info, sc: &scanner{c: fn.c, tr: tr}, tr: tr, holds: make(map[*types.Var]bool)}
	for changed := true; changed; {
		changed = false
		mark := func(l, r ast.Expr) {
			w := assignedRoot(info, l)
			if w != nil && fn.owns(w) && !h.holds[w] && !tr.resp[w] && !tr.body[w] && h.valueHolds(r) {
				h.holds[w] = true
				changed = true
			}
		}
		fn.eachAssignment(mark)
	}
	// A return's results hold no other return, but in function literals.
	return match.AnyOutsideLits(fn.body(), func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if !ok || len(ret.Results) != sig.Results().Len() {
			return false
		}
		for i, r := range ret.Results {
			if !isError(sig.Results().At(i).Type()) && h.valueHolds(r) {
				return true
			}
		}
		return false
	})
}

// holders knows the local variables of a function that hold a tracked
// response or body (holds), as far as found.
type holders struct {
	info  *types.Info
	sc    *scanner
	tr    *tracked
	holds map[*types.Var]bool
}

// valueHolds reports whether the value of e holds the tracked response or
// body: it, a holder, its address, a literal or reader wrapper with one.
func (h *holders) valueHolds(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, _ := h.info.Uses[e].(*types.Var)
		return v != nil && (h.tr.resp[v] || h.tr.body[v] || h.holds[v])
	case *ast.SelectorExpr:
		return h.sc.isBody(e)
	case *ast.UnaryExpr:
		return e.Op == token.AND && h.valueHolds(e.X)
	case *ast.CompositeLit:
		for _, el := range e.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if h.valueHolds(el) {
				return true
			}
		}
	case *ast.CallExpr:
		callee := match.Callee(h.info, e)
		if callee == nil || !isReaderWrapper(callee) {
			return false
		}
		for _, a := range e.Args {
			if h.valueHolds(a) {
				return true
			}
		}
	}
	return false
}

// assignedRoot returns the variable at the root of the assignment target
// e (v in v.f, v[i], *v), used or defined, or nil.
func assignedRoot(info *types.Info, e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, _ := info.Uses[x].(*types.Var)
			if v == nil {
				v, _ = info.Defs[x].(*types.Var)
			}
			return v
		default:
			return nil
		}
	}
}

// isReaderWrapper reports whether fn returns a reader (or decoder,
// scanner) over its argument without consuming it.
func isReaderWrapper(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		return false
	}
	path, name := fn.Pkg().Path(), fn.Name()
	switch path {
	case "io":
		return name == "LimitReader" || name == "TeeReader" || name == "MultiReader" || name == "NopCloser"
	case "io/ioutil":
		return name == "NopCloser"
	case "bufio":
		return name == "NewReader" || name == "NewReaderSize" || name == "NewScanner" || name == "NewReadWriter"
	case "encoding/json", "encoding/xml", "encoding/gob", "encoding/base64", "encoding/base32", "encoding/hex":
		return name == "NewDecoder"
	case "encoding/csv", "archive/tar", "archive/zip", "compress/gzip", "compress/zlib", "compress/flate", "compress/bzip2", "mime/multipart":
		return name == "NewReader"
	}
	return false
}
