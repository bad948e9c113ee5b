package getbody

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// requestWrapper is the fact on a function whose parameters become the
// method and the body of an HTTP request it builds.
//
// Method is the index of the method parameter, or -1 when the method is
// the constant ConstMethod (then one of GET, HEAD, TRACE); MethodField,
// if set, is the field of that parameter (a struct or a pointer to one)
// that holds the method. Body and BodyField say the same of the body.
//
// Encoder, if set, says the body is the parameter encoded (json.Marshal,
// xml.Marshal, json.Encoder.Encode…): every payload is then a body, nil
// included ("null"), unless NilSkip says the wrapper sends no body when
// the payload is nil. Builder names the wrapper this one calls to build
// the request, if it does not call http.NewRequest itself.
type requestWrapper struct {
	Method      int
	MethodField string
	ConstMethod string
	Body        int
	BodyField   string
	Encoder     string
	NilSkip     bool
	Builder     string
}

func (*requestWrapper) AFact() {}

func (f *requestWrapper) String() string {
	method := fmt.Sprintf("#%d", f.Method)
	if f.Method < 0 {
		method = fmt.Sprintf("%q", f.ConstMethod)
	} else if f.MethodField != "" {
		method += "." + f.MethodField
	}
	body := fmt.Sprintf("#%d", f.Body)
	if f.BodyField != "" {
		body += "." + f.BodyField
	}
	s := fmt.Sprintf("request(method=%s, body=%s)", method, body)
	if f.Encoder != "" {
		s += " encoded by " + f.Encoder
	}
	if f.NilSkip {
		s += " unless nil"
	}
	if f.Builder != "" {
		s += " via " + f.Builder
	}
	return s
}

// exportWrapperFacts exports a requestWrapper fact for every function of
// the package that passes its own parameters, unchanged or encoded, as the
// method and the body of a request it builds (directly or through another
// wrapper), iterating until no new wrapper appears so that wrappers of
// wrappers in the same package are found whatever their order.
func (c *checker) exportWrapperFacts() {
	candidates := c.wrapperCandidates()
	for changed := true; changed; {
		changed = false
		for _, decl := range candidates {
			fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok || c.pass.ImportObjectFact(fn, new(requestWrapper)) {
				continue
			}
			sig, ok := fn.Type().(*types.Signature)
			if !ok {
				continue
			}
			w := &wrapperFunc{c: c, decl: decl, sig: sig}
			if fact := w.fact(); fact != nil {
				c.pass.ExportObjectFact(fn, fact)
				changed = true
			}
		}
	}
}

// wrapperCandidates returns, in source order, the declarations with
// parameters that may build a request: those that touch net/http or use
// an imported wrapper, and those that use one of them, and so on. Any
// other declaration calls neither http.NewRequest nor a wrapper, so it
// is not one; leaving it out keeps each round's order and findings.
func (c *checker) wrapperCandidates() []*ast.FuncDecl {
	var decls []*ast.FuncDecl
	objs := make(map[*types.Func]bool) // the functions of decls
	add := func(fns []*engine.Func) (added bool) {
		for _, fn := range fns {
			decl, ok := fn.Decl.(*ast.FuncDecl)
			if !ok || fn.Lit != nil || decl.Body == nil || decl.Type.Params.NumFields() == 0 {
				continue
			}
			obj := fn.Object()
			if obj == nil || objs[obj] {
				continue
			}
			objs[obj] = true
			decls = append(decls, decl)
			added = true
		}
		return added
	}
	add(c.idx.Touching(match.NetHTTP))
	if c.idx.Within(match.NetHTTP) {
		// Every declaration is in Touching already, and no wrapper of
		// another package can be used here.
		return decls // in source order
	}
	add(c.idx.TouchingObjects(c.isWrapper))
	for add(c.idx.TouchingObjects(func(obj types.Object) bool {
		fn, ok := obj.(*types.Func)
		return ok && objs[fn.Origin()]
	})) {
	}
	slices.SortFunc(decls, func(a, b *ast.FuncDecl) int { return int(a.Pos() - b.Pos()) })
	return decls
}

// wrapperFunc is one function examined as a possible request wrapper.
type wrapperFunc struct {
	c    *checker
	decl *ast.FuncDecl
	sig  *types.Signature
	at   *ast.CallExpr // the request construction being examined
}

// A source is where a wrapper's body comes from: parameter param (its
// field, if set), encoded with encoder if set; nilSkip when the encoding
// is skipped for a nil parameter.
type source struct {
	param   int
	field   string
	encoder string
	nilSkip bool
}

// fact returns the fact for w, or nil if it is not a wrapper.
func (w *wrapperFunc) fact() *requestWrapper {
	var fact *requestWrapper
	ast.Inspect(w.decl.Body, func(n ast.Node) bool {
		if fact != nil {
			return false
		}
		if _, isLit := n.(*ast.FuncLit); isLit {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			fact = w.fromCall(call)
		}
		return fact == nil
	})
	return fact
}

// fromCall returns the fact for w if call builds a request from w's
// parameters.
func (w *wrapperFunc) fromCall(call *ast.CallExpr) *requestWrapper {
	c := w.c
	w.at = call
	site, _ := c.requestOf(w.decl.Body, call)
	if site.node == nil || site.body == nil {
		return nil
	}
	fact := &requestWrapper{Method: -1}
	switch {
	case site.methodE == nil:
		if !bodyless(site.method) {
			return nil
		}
		fact.ConstMethod = site.method
	default:
		if p, field, ok := w.paramRef(site.methodE); ok {
			fact.Method, fact.MethodField = p, field
		} else if bodyless(site.method) {
			fact.ConstMethod = site.method
		} else {
			return nil
		}
	}
	var src source
	if site.fact != nil && site.fact.Encoder != "" {
		// A wrapper that encodes: our parameter must be its payload.
		p, field, ok := w.paramRef(site.body)
		if !ok {
			return nil
		}
		src = source{param: p, field: field, encoder: site.fact.Encoder, nilSkip: site.fact.NilSkip}
	} else {
		var ok bool
		if src, ok = w.bodySource(site.body, 0); !ok {
			return nil
		}
	}
	fact.Body, fact.BodyField, fact.Encoder, fact.NilSkip = src.param, src.field, src.encoder, src.nilSkip
	if fact.NilSkip && !nilable(w.payloadType(src)) {
		fact.NilSkip = false // a struct payload is never nil
	}
	if fact.Method < 0 && fact.Encoder != "" {
		// A constant GET with an encoded parameter: reported here, where
		// the fix goes, not at the callers. Even when a nil payload would
		// send no body, the parameter says a payload is expected.
		return nil
	}
	if site.wrapper != nil {
		fact.Builder = site.fact.Builder
		if fact.Builder == "" {
			fact.Builder = site.wrapper.Name()
		}
	}
	return fact
}

// paramRef returns the index of the unmodified parameter that e denotes,
// or of which e is a field (p.Body) that the function does not assign.
func (w *wrapperFunc) paramRef(e ast.Expr) (param int, field string, ok bool) {
	info := w.c.pass.TypesInfo
	e = ast.Unparen(e)
	if sel, isSel := e.(*ast.SelectorExpr); isSel {
		s := info.Selections[sel]
		if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
			return 0, "", false
		}
		p, f, ok := w.paramRef(sel.X)
		if !ok || f != "" || w.fieldAssigned(p, sel.Sel.Name) {
			return 0, "", false
		}
		return p, sel.Sel.Name, true
	}
	v, isVar := match.ObjectOf(info, e).(*types.Var)
	if !isVar {
		return 0, "", false
	}
	for i := range w.sig.Params().Len() {
		if w.sig.Params().At(i) == v && !w.c.function(w.decl).facts().unsafe[v] && !assignedOther(info, w.decl.Body, v) {
			return i, "", true
		}
	}
	return 0, "", false
}

// fieldAssigned reports whether the function assigns field name of its
// parameter number p.
func (w *wrapperFunc) fieldAssigned(p int, name string) bool {
	info := w.c.pass.TypesInfo
	v := w.sig.Params().At(p)
	found := false
	ast.Inspect(w.decl.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == name && match.ObjectOf(info, sel.X) == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// assigned reports whether body assigns v.
func assigned(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				if w, ok := match.ObjectOf(info, lhs).(*types.Var); ok && w == v {
					found = true
				}
			}
		}
		return !found
	})
	return found
}
