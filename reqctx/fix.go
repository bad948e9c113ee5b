package reqctx

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
)

// newRequestFix turns http.NewRequest(…) into
// http.NewRequestWithContext(ctx, …).
func (c *checker) newRequestFix(call *ast.CallExpr, cand candidate) []analysis.TextEdit {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	if _, ok := c.info.Uses[match.IdentOf(sel.X)].(*types.PkgName); !ok {
		return nil
	}
	return []analysis.TextEdit{
		{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("NewRequestWithContext")},
		{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(cand.text + ", ")},
	}
}

// replaceFix replaces e with text, and drops the imports only e used
// (context, when Background was its last use).
func (c *checker) replaceFix(e ast.Expr, text string) []analysis.TextEdit {
	file := fixes.File(c.pass, e.Pos())
	if file == nil {
		return nil
	}
	removed, ok := fixes.RemovedImports(c.pass, file, analysis.Range(e))
	if !ok {
		return nil
	}
	return append([]analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(text)}}, removed...)
}

// todoFix replaces the nil context e with context.TODO().
func (c *checker) todoFix(e ast.Expr) []analysis.TextEdit {
	names, imports, ok := fixes.AddImports(c.pass, e.Pos(), "context")
	if !ok {
		return nil
	}
	return append([]analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(names[0] + ".TODO()")}}, imports...)
}

// assignFix turns the statement req.WithContext(ctx) into
// req = req.WithContext(ctx), when req is a variable or a field path.
func (c *checker) assignFix(call *ast.CallExpr) []analysis.TextEdit {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !simple(c.info, sel.X) {
		return nil
	}
	if !match.IsRequest(c.info.TypeOf(sel.X)) {
		return nil // a Request value: its method's result is a pointer
	}
	x, ok := fixes.Source(c.pass, sel.X)
	if !ok {
		return nil
	}
	return []analysis.TextEdit{{Pos: call.Pos(), End: call.Pos(), NewText: []byte(x + " = ")}}
}

// simple reports whether e is a variable or a chain of field selections
// from one (s.req): an expression that can be evaluated twice and
// assigned to.
func simple(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		_, ok := info.Uses[e].(*types.Var)
		return ok
	case *ast.SelectorExpr:
		s, ok := info.Selections[e]
		return ok && s.Kind() == types.FieldVal && simple(info, e.X)
	}
	return false
}

// pure reports whether e has no calls or receives (evaluating it again,
// or later, gives the same value).
func pure(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr, *ast.FuncLit:
			ok = false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// shortcutFix rewrites `resp, err := http.Get(url)` (or =, or another
// shortcut or Client method) into a request built with ctx and sent with
// Do, keeping what the statement did on every path: an error from
// building the request reaches err, as it did from http.Get.
//
//	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//	var resp *http.Response
//	if err == nil {
//		resp, err = http.DefaultClient.Do(req)
//	}
//
// It returns nil where the call is not the whole right-hand side of such
// an assignment statement in a block, or an argument would be evaluated
// in another order.
func (c *checker) shortcutFix(fn *engine.Func, call *ast.CallExpr, stack []ast.Node, callee *types.Func, cand candidate) []analysis.TextEdit {
	parent, child, rest := match.ParentOf(call, stack)
	as, ok := parent.(*ast.AssignStmt)
	if !ok || child != call || len(as.Lhs) != 2 || len(as.Rhs) != 1 || len(rest) == 0 {
		return nil
	}
	switch rest[len(rest)-1].(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return nil // an if, for or switch init
	}
	respID, ok1 := as.Lhs[0].(*ast.Ident)
	errID, ok2 := as.Lhs[1].(*ast.Ident)
	if !ok1 || !ok2 || errID.Name == "_" || call.Ellipsis.IsValid() {
		return nil
	}
	sr, ok := c.shortcutRequest(callee, call)
	if !ok {
		return nil
	}
	method, url, body, contentType, imports := sr.method, sr.url, sr.body, sr.contentType, sr.imports
	names, importEdits, ok := fixes.AddImports(c.pass, as.Pos(), append([]string{match.NetHTTP}, imports...)...)
	if !ok {
		return nil
	}
	httpName := names[0]
	if len(imports) > 0 {
		body = strings.Replace(body, "strings.", names[1]+".", 1)
	}
	client := httpName + ".DefaultClient"
	if sig, ok := callee.Type().(*types.Signature); ok && sig.Recv() != nil {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !simple(c.info, sel.X) {
			return nil // the client expression would be evaluated at another time
		}
		client = c.sourceText(sel.X)
		if client == "" {
			return nil
		}
	}
	scope := c.pass.Pkg.Scope().Innermost(as.Pos())
	if scope == nil {
		return nil
	}
	req := freeName(scope, as.Pos(), "req")
	newReq := fmt.Sprintf("%s.NewRequestWithContext(%s, %s.%s, %s, %s)", httpName, cand.text, httpName, method, url, body)
	stmts := c.shortcutStmts(as, respID, errID.Name, req, httpName, newReq, contentType, client)
	text, ok := fixes.FormatStmts(c.pass, as.Pos(), stmts)
	if !ok {
		return nil
	}
	return append([]analysis.TextEdit{{Pos: as.Pos(), End: as.End(), NewText: []byte(text)}}, importEdits...)
}

// shortcutReq is the request a shortcut call (http.Get & co.) sends:
// the source of its method, URL, body and content type ("" for none), and
// the imports the body needs.
type shortcutReq struct {
	method, url, body, contentType string
	imports                        []string
}

// shortcutRequest returns the request the call of callee, a shortcut,
// sends; false when its arguments cannot move into a request unchanged.
func (c *checker) shortcutRequest(callee *types.Func, call *ast.CallExpr) (shortcutReq, bool) {
	var r shortcutReq
	src := c.sourceText
	switch callee.Name() {
	case "Get", "Head":
		if len(call.Args) != 1 {
			return r, false
		}
		r.method, r.url, r.body = "Method"+callee.Name(), src(call.Args[0]), "nil"
	case "Post":
		if len(call.Args) != 3 || !pure(call.Args[1]) {
			return r, false // the content type would be evaluated after the body
		}
		r.method, r.url, r.contentType, r.body = "MethodPost", src(call.Args[0]), src(call.Args[1]), src(call.Args[2])
	case "PostForm":
		if len(call.Args) != 2 {
			return r, false
		}
		r.method, r.url, r.contentType = "MethodPost", src(call.Args[0]), `"application/x-www-form-urlencoded"`
		r.body = "strings.NewReader((" + src(call.Args[1]) + ").Encode())"
		if pure(call.Args[1]) {
			r.body = "strings.NewReader(" + src(call.Args[1]) + ".Encode())"
		}
		r.imports = append(r.imports, "strings")
	default:
		return r, false
	}
	if r.url == "" || r.body == "" || (r.contentType == "" && callee.Name() != "Get" && callee.Name() != "Head") {
		return r, false
	}
	return r, true
}

// sourceText returns the source of e, or "" when it cannot be read.
func (c *checker) sourceText(e ast.Expr) string {
	s, ok := fixes.Source(c.pass, e)
	if !ok {
		return ""
	}
	return s
}

// shortcutStmts returns the statements that replace the assignment as of
// a shortcut call: the request req built by newReq, and, when it was
// built, its Content-Type set and client.Do(req) into resp and errName.
func (c *checker) shortcutStmts(as *ast.AssignStmt, respID *ast.Ident, errName, req, httpName, newReq, contentType, client string) string {
	resp := respID.Name
	var b strings.Builder
	if as.Tok == token.DEFINE {
		fmt.Fprintf(&b, "%s, %s := %s\n", req, errName, newReq)
		if resp != "_" && c.info.Defs[respID] != nil {
			fmt.Fprintf(&b, "var %s *%s.Response\n", resp, httpName)
		}
	} else {
		fmt.Fprintf(&b, "var %s *%s.Request\n%s, %s = %s\n", req, httpName, req, errName, newReq)
	}
	fmt.Fprintf(&b, "if %s == nil {\n", errName)
	if contentType != "" {
		fmt.Fprintf(&b, "%s.Header.Set(\"Content-Type\", %s)\n", req, contentType)
	}
	fmt.Fprintf(&b, "%s, %s = %s.Do(%s)\n}", resp, errName, client, req)
	return b.String()
}

// freeName returns base, or base2, base3…: a name that neither refers to
// anything at pos nor is declared in scope.
func freeName(scope *types.Scope, pos token.Pos, base string) string {
	for i := 1; ; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprint(base, i)
		}
		if scope.Lookup(name) != nil {
			continue
		}
		if _, obj := scope.LookupParent(name, pos); obj == nil {
			return name
		}
	}
}
