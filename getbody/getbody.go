package getbody

import (
	_ "embed"
	"flag"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports GET, HEAD and TRACE requests that carry a body.
var Analyzer = &analysis.Analyzer{
	Name:      "getbody",
	Doc:       docs.Extract(doc, "getbody"),
	URL:       "https://github.com/httpvet/httpvet/blob/main/docs/getbody.md",
	Requires:  []*analysis.Analyzer{inspect.Analyzer, suppress.Analyzer},
	Run:       run,
	FactTypes: []analysis.Fact{new(requestWrapper)},
	Flags:     flags(),
	// Runs on code with type errors too (gopls does so): it must not crash.
	RunDespiteErrors: true,
}

// tests is the -getbody.tests flag: report in _test.go files too.
var tests bool

func flags() (fs flag.FlagSet) {
	fs.BoolVar(&tests, "tests", false, "report requests in _test.go files too (tests of a client's GET-body handling build them on purpose)")
	return fs
}

// skipTest reports whether pos lies in a _test.go file, which the -tests
// flag leaves out.
func (c *checker) skipTest(pos token.Pos) bool {
	return !tests && match.InTestFile(c.pass.Fset, pos)
}

// bodyless reports whether an HTTP method carries no body.
func bodyless(method string) bool {
	return method == "GET" || method == "HEAD" || method == "TRACE"
}

func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	if !match.ImportsOrIs(pass.Pkg, match.NetHTTP) && len(pass.AllObjectFacts()) == 0 {
		return nil, nil // neither net/http nor a wrapper of it in sight
	}
	c := &checker{pass: pass, funcs: make(map[ast.Node]*function)}
	inspect := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.exportWrapperFacts(inspect)

	for cur := range inspect.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		fnCur, ok := enclosingFunc(cur)
		if !ok {
			continue // package-level initializer: no paths to follow
		}
		fn := c.function(fnCur.Node())
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.checkCall(fn, n)
		case *ast.CompositeLit:
			c.checkLiteral(fn, n)
		case *ast.AssignStmt:
			c.checkAssign(fn, n)
		}
	}
	return nil, nil
}

func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for fn := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return fn, true
	}
	return inspector.Cursor{}, false
}

type checker struct {
	pass  *analysis.Pass
	funcs map[ast.Node]*function // by *ast.FuncDecl or *ast.FuncLit
}

// constString returns the value of e if it is a string constant.
func (c *checker) constString(e ast.Expr) (string, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
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
				if unaddr(rhs) == node {
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
				if unaddr(val) == node && i < len(n.Names) {
					v, _ = c.pass.TypesInfo.Defs[n.Names[i]].(*types.Var)
				}
			}
		}
		return true
	})
	return v
}

func unaddr(e ast.Expr) ast.Node {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return ast.Unparen(u.X)
	}
	return e
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
	for _, elt := range lit.Elts {
		kv, isKV := elt.(*ast.KeyValueExpr)
		if !isKV {
			continue
		}
		key, isIdent := kv.Key.(*ast.Ident)
		if !isIdent {
			continue
		}
		switch key.Name {
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
	switch e := unaddr(d.value).(type) {
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
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value) == ""
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

const consequence = ": servers and proxies may reject the request or drop the body; put the data in the URL query, or use POST"

// report reports the request req at node with both fixes.
func (c *checker) report(req request, node ast.Node, what string) {
	if c.skipTest(node.Pos()) {
		return
	}
	var fixList []analysis.SuggestedFix
	if req.methodE != nil {
		if fix, ok := c.replaceFix(req.methodE, "MethodPost", `"POST"`, "Use http.MethodPost"); ok {
			fixList = append(fixList, fix)
		}
	}
	// An encoding wrapper would encode http.NoBody: no body fix then.
	if req.body != nil && (req.fact == nil || req.fact.Encoder == "") {
		if fix, ok := c.replaceFix(req.body, "NoBody", "nil", "Send no body (http.NoBody): its data is no longer sent"); ok {
			fixList = append(fixList, fix)
		}
	}
	suppress.Report(c.pass, analysis.Diagnostic{
		Pos:            node.Pos(),
		End:            node.End(),
		Message:        what + consequence,
		SuggestedFixes: fixList,
	})
}

// replaceFix replaces e by http.<name>, or by alt where net/http has no
// name in the file, and removes imports the edit leaves unused.
func (c *checker) replaceFix(e ast.Expr, name, alt, message string) (analysis.SuggestedFix, bool) {
	file := fixes.File(c.pass, e.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	text := alt
	if n := fixes.ImportName(c.pass.TypesInfo, file, match.NetHTTP); n != "" {
		text = n + "." + name
	}
	removed, ok := fixes.RemovedImports(c.pass, file, e)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits := append([]analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(text)}}, removed...)
	return analysis.SuggestedFix{Message: message, TextEdits: edits}, true
}

// reportAssign reports as, which sets field on the request built by origin.
func (c *checker) reportAssign(origin request, as *ast.AssignStmt, field string) {
	if c.skipTest(as.Pos()) {
		return
	}
	var fixList []analysis.SuggestedFix
	if origin.methodE != nil && fixes.File(c.pass, origin.methodE.Pos()) == fixes.File(c.pass, as.Pos()) {
		if fix, ok := c.replaceFix(origin.methodE, "MethodPost", `"POST"`, "Use http.MethodPost"); ok {
			fixList = append(fixList, fix)
		}
	}
	if del, ok := fixes.DeleteStmt(c.pass, as); ok {
		if removed, ok := fixes.RemovedImports(c.pass, fixes.File(c.pass, as.Pos()), as); ok {
			edits := append([]analysis.TextEdit{del}, removed...)
			fixList = append(fixList, analysis.SuggestedFix{
				Message:   "Remove the assignment: the body is no longer sent",
				TextEdits: edits,
			})
		}
	}
	suppress.Report(c.pass, analysis.Diagnostic{
		Pos:            as.Pos(),
		End:            as.End(),
		Message:        fmt.Sprintf("setting %s on a %s request%s", field, origin.method, consequence),
		SuggestedFixes: fixList,
	})
}
