package getbody

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// Where a wrapper's body comes from: a parameter passed unchanged, or
// encoded (json.Marshal, an encoder into a buffer) and read back.

// bodySource returns where the body expression e comes from: a parameter
// passed unchanged, or a parameter encoded into a reader or a buffer.
func (w *wrapperFunc) bodySource(e ast.Expr, depth int) (source, bool) {
	info := w.c.pass.TypesInfo
	if depth > 4 {
		return source{}, false
	}
	e = ast.Unparen(e)
	if p, field, ok := w.paramRef(e); ok {
		return source{param: p, field: field}, true
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		callee := match.Callee(info, e)
		if len(e.Args) != 1 {
			return source{}, false
		}
		switch {
		case match.IsFunc(callee, "bytes", "NewReader", "NewBuffer", "NewBufferString"),
			match.IsFunc(callee, "strings", "NewReader"):
			return w.dataSource(e.Args[0], depth+1)
		case match.IsFunc(callee, "io", "NopCloser"):
			return w.bodySource(e.Args[0], depth+1)
		}
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			if v := w.localVar(e.X); v != nil {
				return w.localSource(v, depth+1)
			}
		}
	case *ast.Ident:
		if v := w.localVar(e); v != nil {
			return w.localSource(v, depth+1)
		}
	}
	return source{}, false
}

// dataSource returns where the data of a reader comes from: the encoded
// parameter that a local variable holds (data, err := json.Marshal(p)),
// a conversion of it, or the contents of a local buffer (buf.Bytes()).
func (w *wrapperFunc) dataSource(e ast.Expr, depth int) (source, bool) {
	info := w.c.pass.TypesInfo
	if depth > 4 {
		return source{}, false
	}
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return w.dataSource(e.Args[0], depth+1) // string(data), []byte(s)
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && len(e.Args) == 0 && (sel.Sel.Name == "Bytes" || sel.Sel.Name == "String") {
			if v := w.localVar(sel.X); v != nil {
				if isBuf, _ := bufferType(v.Type()); isBuf {
					return w.localSource(v, depth+1)
				}
			}
		}
	case *ast.Ident:
		if v := w.localVar(e); v != nil {
			return w.localSource(v, depth+1)
		}
	}
	return source{}, false
}

// localVar returns the local variable of the function that e denotes.
func (w *wrapperFunc) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := w.c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pos() < w.decl.Body.Pos() || v.Pos() >= w.decl.Body.End() {
		return nil
	}
	return v
}

// encoders are the functions whose first argument they encode into the
// []byte result, by package and name.
var encoders = map[[2]string]string{
	{"encoding/json", "Marshal"}:       "json.Marshal",
	{"encoding/json", "MarshalIndent"}: "json.MarshalIndent",
	{"encoding/xml", "Marshal"}:        "xml.Marshal",
	{"encoding/xml", "MarshalIndent"}:  "xml.MarshalIndent",
}

// localSource returns where the value of the local variable v comes from:
// every value assigned to it is either empty (nil, http.NoBody, an empty
// buffer) or comes from the same parameter; for a buffer, the values
// encoded into it with json.NewEncoder(&buf).Encode(p) count too. The
// encodings must happen unconditionally, or under if p != nil only.
func (w *wrapperFunc) localSource(v *types.Var, depth int) (source, bool) {
	c := w.c
	info := c.pass.TypesInfo
	ls := &localSources{w: w, depth: depth, ok: true}
	isBuf, _ := bufferType(v.Type())
	if isBuf && c.bufferVerdict(c.function(w.decl), v, w.at, 0) != nonEmpty {
		return source{}, false // emptied again, or never written before the call
	}
	ast.Inspect(w.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if assigned(info, n.Body, v) {
				ls.ok = false
			}
			return false
		case *ast.AssignStmt, *ast.ValueSpec:
			for i, lhs := range match.Assigned(n) {
				if match.ObjectOf(info, lhs) != v {
					continue
				}
				if as, ok := n.(*ast.AssignStmt); ok && as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
					ls.ok = false
				} else if val, tuple, _ := match.AssignedValue(n, i); val != nil {
					ls.value(n, val, tuple)
				}
			}
		case *ast.CallExpr:
			// Into a buffer, or into an io.Writer variable holding one
			// (var buf io.ReadWriter; buf = &bytes.Buffer{}).
			if isBuf || types.IsInterface(v.Type()) {
				if p, field, found := w.encodeInto(n, v); found {
					ls.add(n, source{param: p, field: field, encoder: "json.Encoder.Encode"}, true)
					if sel, _ := ast.Unparen(n.Fun).(*ast.SelectorExpr); sel != nil && w.xmlEncoder(sel.X) {
						ls.srcs[len(ls.srcs)-1].encoder = "xml.Encoder.Encode"
					}
				}
			}
		}
		return true
	})
	if !ls.ok || len(ls.srcs) == 0 {
		return source{}, false
	}
	return sameSource(ls.srcs)
}

// localSources gathers, for localSource, the sources of the values
// assigned or encoded into a local variable (srcs); ok is false once one
// of them is not known.
type localSources struct {
	w     *wrapperFunc
	depth int
	srcs  []source
	ok    bool
}

// add records s, the source of a value stored at at when found, if at
// runs unconditionally (or under if p != nil only).
func (ls *localSources) add(at ast.Node, s source, found bool) {
	if !found {
		ls.ok = false
		return
	}
	nilSkip, uncond := ls.w.condition(at, s)
	if !uncond {
		ls.ok = false
		return
	}
	s.nilSkip = s.nilSkip || nilSkip
	ls.srcs = append(ls.srcs, s)
}

// value records the source of e, assigned at at: the value itself
// (tuple < 0), or result tuple of the call e (only the first, of an
// encoder, is followed).
func (ls *localSources) value(at ast.Node, e ast.Expr, tuple int) {
	w, c := ls.w, ls.w.c
	info := c.pass.TypesInfo
	if tuple > 0 {
		ls.ok = false
		return
	}
	if tuple == 0 {
		call, isCall := ast.Unparen(e).(*ast.CallExpr)
		if !isCall {
			ls.ok = false
			return
		}
		callee := match.Callee(info, call)
		name := ""
		if callee != nil && callee.Pkg() != nil {
			name = encoders[[2]string{callee.Pkg().Path(), callee.Name()}]
		}
		if name == "" || len(call.Args) == 0 {
			ls.ok = false
			return
		}
		p, field, found := w.paramRef(call.Args[0])
		ls.add(at, source{param: p, field: field, encoder: name}, found)
		return
	}
	if match.IsNil(info, e) || match.IsPackageLevelVar(info, e, match.NetHTTP, "NoBody") || c.emptyBuffer(e) || c.emptyData(e) {
		return
	}
	s, found := w.bodySource(e, ls.depth+1)
	if !found {
		s, found = w.dataSource(e, ls.depth+1)
	}
	ls.add(at, s, found)
}

// sameSource returns the one source that all of srcs (not empty) agree
// on: the same parameter and field, all encoded or none; nilSkip only
// when each skips a nil parameter, and only for an encoding.
func sameSource(srcs []source) (source, bool) {
	out := srcs[0]
	for _, s := range srcs[1:] {
		if s.param != out.param || s.field != out.field || (s.encoder == "") != (out.encoder == "") {
			return source{}, false
		}
		out.nilSkip = out.nilSkip && s.nilSkip
	}
	if out.encoder == "" {
		out.nilSkip = false
	}
	return out, true
}

// encodeInto returns the parameter that call encodes into the buffer
// variable v: json.NewEncoder(&buf).Encode(p), or enc.Encode(p) where the
// local enc is json.NewEncoder(&buf) (xml alike).
func (w *wrapperFunc) encodeInto(call *ast.CallExpr, v *types.Var) (param int, field string, ok bool) {
	info := w.c.pass.TypesInfo
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel || sel.Sel.Name != "Encode" || len(call.Args) != 1 {
		return 0, "", false
	}
	newEnc := w.newEncoder(sel.X)
	if newEnc == nil || len(newEnc.Args) != 1 {
		return 0, "", false
	}
	if match.ObjectOf(info, match.Unaddr(newEnc.Args[0])) != v {
		return 0, "", false
	}
	return w.paramRef(call.Args[0])
}

// newEncoder returns the json.NewEncoder or xml.NewEncoder call that e is
// or that the local variable e is initialized with.
func (w *wrapperFunc) newEncoder(e ast.Expr) *ast.CallExpr {
	info := w.c.pass.TypesInfo
	isNew := func(e ast.Expr) *ast.CallExpr {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if ok && (match.IsFunc(match.Callee(info, call), "encoding/json", "NewEncoder") || match.IsFunc(match.Callee(info, call), "encoding/xml", "NewEncoder")) {
			return call
		}
		return nil
	}
	if call := isNew(e); call != nil {
		return call
	}
	v := w.localVar(e)
	if v == nil {
		return nil
	}
	var found *ast.CallExpr
	ast.Inspect(w.decl.Body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			for i, lhs := range as.Lhs {
				if match.ObjectOf(info, lhs) == v {
					found = isNew(as.Rhs[i])
				}
			}
		}
		return true
	})
	return found
}

// xmlEncoder reports whether e is an *xml.Encoder.
func (w *wrapperFunc) xmlEncoder(e ast.Expr) bool {
	return match.IsPointerTo(w.c.pass.TypesInfo.TypeOf(e), "encoding/xml", "Encoder")
}

// condition tells under which conditions the function reaches node at:
// unconditional is false when an if or a switch around it tests anything
// but the parameter of s against nil; nilSkip is true when it runs only if
// that parameter is not nil (if p != nil { at } or if p == nil {…} else { at }).
func (w *wrapperFunc) condition(at ast.Node, s source) (nilSkip, unconditional bool) {
	unconditional = true
	match.InspectStack(w.decl.Body, func(n ast.Node, stack []ast.Node) bool {
		if n == at {
			for anc, child := range match.Ancestors(stack, at) {
				switch anc := anc.(type) {
				case *ast.IfStmt:
					switch child {
					case anc.Body:
						if w.nilTest(anc.Cond, token.NEQ, s) {
							nilSkip = true
						} else {
							unconditional = false
						}
					case anc.Else:
						if w.nilTest(anc.Cond, token.EQL, s) {
							nilSkip = true
						} else {
							unconditional = false
						}
					}
				case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
					if isBody(anc, child) {
						unconditional = false
					}
				case *ast.BlockStmt:
					// if p == nil { …; return … } earlier in the block.
					for _, st := range anc.List {
						if st == child {
							break
						}
						if ifs, ok := st.(*ast.IfStmt); ok && ifs.Else == nil && w.nilTest(ifs.Cond, token.EQL, s) && endsInReturn(ifs.Body) {
							nilSkip = true
						}
					}
				}
			}
			return false
		}
		return true
	})
	return nilSkip, unconditional
}

func isBody(stmt ast.Node, child ast.Node) bool {
	switch s := stmt.(type) {
	case *ast.SwitchStmt:
		return child == s.Body
	case *ast.TypeSwitchStmt:
		return child == s.Body
	case *ast.SelectStmt:
		return child == s.Body
	}
	return false
}

// nilTest reports whether cond is p op nil (or nil op p) for the
// parameter (or field) of s.
func (w *wrapperFunc) nilTest(cond ast.Expr, op token.Token, s source) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != op {
		return false
	}
	x, y := bin.X, bin.Y
	if match.IsNil(w.c.pass.TypesInfo, x) {
		x, y = y, x
	}
	if !match.IsNil(w.c.pass.TypesInfo, y) {
		return false
	}
	p, field, ok := w.paramRef(x)
	return ok && p == s.param && field == s.field
}

// nilable reports whether a value of type t can be nil.
func nilable(t types.Type) bool {
	if t == nil {
		return false
	}
	switch t.Underlying().(type) {
	case *types.Interface, *types.Pointer, *types.Map, *types.Slice, *types.Chan, *types.Signature:
		return true
	}
	return false
}

// payloadType returns the type of the parameter, or of its field, that s
// comes from.
func (w *wrapperFunc) payloadType(s source) types.Type {
	t := w.sig.Params().At(s.param).Type()
	if s.field == "" {
		return t
	}
	if f, _, _ := types.LookupFieldOrMethod(t, true, w.c.pass.Pkg, s.field); f != nil {
		return f.Type()
	}
	return nil
}

// endsInReturn reports whether the block's last statement is a return.
func endsInReturn(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	_, ok := b.List[len(b.List)-1].(*ast.ReturnStmt)
	return ok
}
