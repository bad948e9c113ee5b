package timeouts

import (
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// streamed reports whether the response of the send at cur (a call that
// returns an *http.Response and an error, assigned to a local variable) is
// consumed as a stream of unbounded length: its Body read in a loop (a
// bufio.Scanner or Reader, a json or xml Decoder over it, used in a for
// statement that does not also make it), copied out by io.Copy or
// io.CopyBuffer to anything but io.Discard (a download), or the response
// or its Body returned to the caller. A Client Timeout covers reading the
// body, and so does a context deadline: either would cut the stream or the
// download (tailscale's logreprocess follows a log stream on purpose). The
// analyzer stays silent rather than ask for them.
func (c *checker) streamed(cur cursor) bool {
	info := c.pass.TypesInfo
	cur = outsideParens(cur)
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != cur.Node() || len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	resp, ok := info.ObjectOf(id).(*types.Var)
	if !ok || resp.Name() == "_" {
		return false
	}
	fn := c.enclosingBody(cur)
	if !fn.Valid() {
		return false
	}
	for u := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[u.Node().(*ast.Ident)] != resp {
			continue
		}
		u = outsideParens(u)
		if _, ok := u.Parent().Node().(*ast.ReturnStmt); ok {
			return true // the caller reads the body
		}
		sel, ok := u.Parent().Node().(*ast.SelectorExpr)
		if !ok || sel.X != u.Node() || sel.Sel.Name != "Body" {
			continue
		}
		body := outsideParens(u.Parent())
		switch p := body.Parent().Node().(type) {
		case *ast.ReturnStmt:
			return true
		case *ast.CallExpr:
			callee := match.Callee(info, p)
			switch {
			case match.IsFunc(callee, "io", "Copy", "CopyBuffer") && len(p.Args) >= 2 && p.Args[1] == body.Node():
				// io.Copy(io.Discard, resp.Body) drains a body, it
				// keeps nothing.
				return !match.IsPackageLevelVar(info, p.Args[0], "io", "Discard")
			case match.IsFunc(callee, "bufio", "NewScanner", "NewReader", "NewReaderSize") ||
				match.IsFunc(callee, "encoding/json", "NewDecoder") || match.IsFunc(callee, "encoding/xml", "NewDecoder"):
				if c.readInLoop(body.Parent()) {
					return true
				}
			}
		}
	}
	return false
}

// readInLoop reports whether the reader made by the call at cur, assigned
// to a local variable, has a method called in a for or range statement
// that does not also enclose the call (a scan loop, not a poll that makes
// a new reader each round).
func (c *checker) readInLoop(cur cursor) bool {
	info := c.pass.TypesInfo
	var r *types.Var
	switch p := outsideParens(cur).Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok {
				r, _ = info.ObjectOf(id).(*types.Var)
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			r, _ = info.Defs[p.Names[0]].(*types.Var)
		}
	}
	if r == nil {
		return false
	}
	fn := c.enclosingBody(cur)
	for u := range fn.Preorder((*ast.Ident)(nil)) {
		if info.Uses[u.Node().(*ast.Ident)] != r {
			continue
		}
		sel, ok := u.Parent().Node().(*ast.SelectorExpr)
		if !ok || sel.X != u.Node() {
			continue
		}
		for loop := range u.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
			if f, ok := loop.Node().(*ast.ForStmt); ok && f.Init != nil && f.Init.Pos() <= cur.Node().Pos() && cur.Node().End() <= f.Init.End() {
				return true // for s := bufio.NewScanner(resp.Body); s.Scan(); {…}
			}
			if loop.Node().Pos() <= cur.Node().Pos() && cur.Node().End() <= loop.Node().End() {
				break // a poll: a new reader each round
			}
			return true
		}
	}
	return false
}

// enclosingBody returns the cursor of the innermost function declaration
// or literal enclosing cur.
func (c *checker) enclosingBody(cur cursor) cursor {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return e
	}
	return cursor{}
}
