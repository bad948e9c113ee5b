package retrybody

// Definitions: what the paths that reach a send say about the request's
// body, walking back to where the request or its body got its value.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/match"
)

// defs is what the paths that reach a send of a request say about its
// body.
type defs struct {
	body       bool       // some path gives the request a body
	rewindable bool       // every such body is one NewRequest sets GetBody for
	entry      bool       // some path reaches the function's entry untouched
	stops      []ast.Node // where the paths back from the send end, entry aside
	g          *engine.Graph
	bodyKeys   []key      // what holds the body's reader: a Seek or Reset of it rewinds
	built      []ast.Node // where the request gets the body
}

// defsOf walks back from the send at node i of block b to where the
// request k got its value or its body.
func (c *checker) defsOf(g *engine.Graph, b *cfg.Block, i int, k key, byNode map[ast.Node][]send) defs {
	d := defs{rewindable: true, g: g}
	g.Backward(b, i, func(n ast.Node) bool {
		if stop, _ := c.effect(n, k, nil, byNode); !stop {
			return true
		}
		d.stops = append(d.stops, n)
		c.define(&d, n, k)
		return false
	}, func() { d.entry = true })
	if !d.body {
		d.rewindable = false
	}
	return d
}

// define records what node n, which stops the backward walk, gives the
// request k: a request built by NewRequest or a literal, a body assigned.
// Anything else gives nothing the analysis can know.
func (c *checker) define(d *defs, n ast.Node, k key) {
	info := c.info
	switch n := n.(type) {
	case *ast.AssignStmt:
		for j, lhs := range n.Lhs {
			rhs := requestValue(n, j)
			lk, ok := keyOf(info, lhs)
			if !ok || rhs == nil {
				continue
			}
			switch lk {
			case k:
				c.request(d, n, rhs)
			case k.with("Body"):
				c.body(d, n, rhs, assignedBody)
			}
		}
	case *ast.ValueSpec:
		for j, name := range n.Names {
			if k.path != "" || info.Defs[name] != k.root {
				continue
			}
			if rhs := requestValue(n, j); rhs != nil {
				c.request(d, n, rhs)
			}
		}
	}
}

// requestValue returns the value that n, an assignment or var spec, gives
// its j-th left-hand side: its own, or the first of a tuple (req, err :=
// http.NewRequest(…)); nil for another of a tuple, or none.
func requestValue(n ast.Node, j int) ast.Expr {
	if rhs, tuple, _ := match.AssignedValue(n, j); tuple <= 0 {
		return rhs
	}
	return nil
}

// request records the body of the request e: NewRequest's body argument
// or a literal's Body.
func (c *checker) request(d *defs, at ast.Node, e ast.Expr) {
	e = match.Unaddr(e)
	switch e := e.(type) {
	case *ast.CallExpr:
		if match.IsFunc(match.Callee(c.info, e), match.NetHTTP, "NewRequest", "NewRequestWithContext") && len(e.Args) >= 3 {
			c.body(d, at, e.Args[len(e.Args)-1], newRequestBody)
			return
		}
		c.builtRequest(d, at, e)
	case *ast.CompositeLit:
		if !match.IsNamed(c.info.TypeOf(e), match.NetHTTP, "Request") {
			return
		}
		for name, kv := range match.KeyedFields(e) {
			if name == "Body" {
				c.body(d, at, kv.Value, assignedBody)
			}
		}
	}
}

// How a body reaches the request, which decides whether GetBody is set.
type bodyKind int

const (
	assignedBody   bodyKind = iota // req.Body = e, Body: e: no GetBody
	newRequestBody                 // NewRequest(…, e): GetBody for three reader types
	wrappedBody                    // a helper's NewRequest(…, bytes.NewReader(e)): GetBody
)

// body records the body e given to a request at node at.
func (c *checker) body(d *defs, at ast.Node, e ast.Expr, kind bodyKind) {
	if c.emptyBody(e) || c.nilVar(d.g, at, e) || c.emptyFromCallers(at, e) {
		return
	}
	d.body = true
	d.built = append(d.built, at)
	switch {
	case kind == wrappedBody:
	case kind == newRequestBody && rewindableType(c.info.TypeOf(e)):
	default:
		d.rewindable = false
	}
	if k, ok := keyOf(c.info, e); ok {
		d.bodyKeys = append(d.bodyKeys, k)
	}
}

// nilVar reports whether e is a local variable that holds no body on
// every path that reaches node at: declared without a value, or assigned
// nil, http.NoBody or an empty reader, and not otherwise assigned, nor
// its address taken, nor referred to by a function literal.
func (c *checker) nilVar(g *engine.Graph, at ast.Node, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || g == nil {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	fn := c.idx.Enclosing(at.Pos())
	if !ok || fn == nil || v.Pos() < fn.Body().Pos() || v.Pos() >= fn.Body().End() {
		return false // a parameter, a captured or package-level variable
	}
	b, i, ok := g.Locate(at)
	if !ok {
		return false
	}
	empty := true
	g.Backward(b, i, func(n ast.Node) bool {
		if !empty {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for j, lhs := range n.Lhs {
				if match.ObjectOf(c.info, lhs) != v {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) || !c.emptyBody(n.Rhs[j]) {
					empty = false
				}
				return false
			}
		case *ast.ValueSpec:
			for j, name := range n.Names {
				if c.info.Defs[name] != v {
					continue
				}
				if len(n.Values) > 0 && (len(n.Values) != len(n.Names) || !c.emptyBody(n.Values[j])) {
					empty = false
				}
				return false
			}
		}
		return true
	}, func() { empty = false })
	if !empty {
		return false
	}
	// Its address, or a closure, could give it a value out of sight.
	ast.Inspect(fn.Body(), func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			if n.Op == token.AND && match.ObjectOf(c.info, n.X) == v {
				empty = false
			}
		case *ast.FuncLit:
			if match.Mentions(c.info, n.Body, v) {
				empty = false
			}
			return false
		}
		return empty
	})
	return empty
}

// emptyFromCallers reports whether e is a parameter of the function
// around node at, never assigned there, for which every call passes no
// body (engine.Index.ArgsAt): nil, http.NoBody, an empty reader.
func (c *checker) emptyFromCallers(at ast.Node, e ast.Expr) bool {
	v, ok := match.ObjectOf(c.info, e).(*types.Var)
	fn := c.idx.Enclosing(at.Pos())
	if !ok || fn == nil || fn.Lit != nil || fn.Object() == nil {
		return false
	}
	params := fn.Signature().Params()
	for i := 0; i < params.Len(); i++ {
		if params.At(i) != v {
			continue
		}
		args, ok := c.idx.ArgsAt(fn.Object(), i)
		if !ok || match.Assigns(c.info, fn.Body(), v) {
			return false
		}
		for _, a := range args {
			if !c.emptyBody(a.Expr) {
				return false
			}
		}
		return true
	}
	return false
}

// rewindableType reports whether NewRequest sets GetBody for a body of
// type t: *bytes.Buffer, *bytes.Reader, *strings.Reader.
func rewindableType(t types.Type) bool {
	return match.IsPointerTo(t, "bytes", "Buffer") || match.IsPointerTo(t, "bytes", "Reader") ||
		match.IsPointerTo(t, "strings", "Reader")
}

// emptyBody reports whether e is no body: nil, http.NoBody, or a reader
// of a constant empty string or nil, which NewRequest turns into NoBody.
func (c *checker) emptyBody(e ast.Expr) bool {
	info := c.info
	if match.IsNil(info, e) || match.IsPackageLevelVar(info, e, match.NetHTTP, "NoBody") {
		return true
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fn := match.Callee(info, call)
	if !match.IsFunc(fn, "bytes", "NewReader", "NewBuffer", "NewBufferString") && !match.IsFunc(fn, "strings", "NewReader") {
		return false
	}
	arg := call.Args[0]
	if match.IsNil(info, arg) {
		return true
	}
	s, ok := match.ConstString(info, arg)
	return ok && s == ""
}
