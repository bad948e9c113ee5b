package retrybody

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
)

// moveFix returns the edits that move the construction of the request a
// loop sends again into the loop, so that each attempt builds its own
// request with a new reader: the NewRequest statement, and the
// if err != nil { return … } after it, when they are the last statements
// before the loop, every path to the send starts there, its body is a
// reader built in the call (bytes.NewReader(data)), and nothing it
// declares is used outside the loop. It returns nil otherwise.
func (c *checker) moveFix(s send, d defs) []analysis.TextEdit {
	if len(d.stops) != 1 || d.entry || s.req.path != "" {
		return nil
	}
	build, ok := d.stops[0].(*ast.AssignStmt)
	if !ok || len(build.Rhs) != 1 || len(build.Lhs) > 2 {
		return nil
	}
	if k, ok := keyOf(c.info, build.Lhs[0]); !ok || k != s.req {
		return nil
	}
	call, ok := ast.Unparen(build.Rhs[0]).(*ast.CallExpr)
	if !ok || !match.IsFunc(match.Callee(c.info, call), match.NetHTTP, "NewRequest", "NewRequestWithContext") ||
		len(call.Args) < 3 || !c.freshReader(call.Args[len(call.Args)-1]) {
		return nil
	}
	// The loop around the send, and the statements before it.
	var loop ast.Stmt
	var body *ast.BlockStmt
	fixable := c.outward(s.call, func(_, p ast.Node) bool {
		switch p := p.(type) {
		case *ast.ForStmt:
			loop, body = p, p.Body
		case *ast.RangeStmt:
			loop, body = p, p.Body
		}
		return loop != nil
	})
	if !fixable || loop == nil {
		return nil
	}
	list := match.StmtList(c.idx.Parent(loop))
	at := -1
	for i, st := range list {
		if st == loop {
			at = i
		}
	}
	if at < 1 {
		return nil
	}
	moved := []ast.Stmt{build}
	switch {
	case list[at-1] == build:
	case at >= 2 && list[at-2] == build && c.errCheck(list[at-1], build):
		moved = append(moved, list[at-1])
	default:
		return nil
	}
	if !c.movable(moved, build, loop, body) {
		return nil
	}
	return c.moveEdits(moved, body)
}

// freshReader reports whether e builds a new reader each time it runs,
// from operands without side effects: bytes.NewReader(data),
// strings.NewReader(s), bytes.NewBuffer(b), bytes.NewBufferString(s).
func (c *checker) freshReader(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fn := match.Callee(c.info, call)
	if !match.IsFunc(fn, "bytes", "NewReader", "NewBuffer", "NewBufferString") && !match.IsFunc(fn, "strings", "NewReader") {
		return false
	}
	pure := true
	ast.Inspect(call.Args[0], func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if tv, ok := c.info.Types[n.Fun]; !ok || !tv.IsType() {
				pure = false // a call, but for a conversion such as []byte(s)
			}
		case *ast.UnaryExpr:
			pure = pure && n.Op != token.ARROW
		case *ast.FuncLit:
			pure = false
		}
		return pure
	})
	return pure
}

// errCheck reports whether st is if err != nil { …; return … }, err being
// the second variable build assigns, with no break, continue or goto.
func (c *checker) errCheck(st ast.Stmt, build *ast.AssignStmt) bool {
	ifs, ok := st.(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || len(build.Lhs) != 2 || len(ifs.Body.List) == 0 {
		return false
	}
	cond, ok := ifs.Cond.(*ast.BinaryExpr)
	if !ok || cond.Op != token.NEQ || !match.IsNil(c.info, cond.Y) {
		return false
	}
	errID, ok := build.Lhs[1].(*ast.Ident)
	if !ok || match.ObjectOf(c.info, cond.X) == nil || match.ObjectOf(c.info, cond.X) != c.info.ObjectOf(errID) {
		return false
	}
	if _, ok := ifs.Body.List[len(ifs.Body.List)-1].(*ast.ReturnStmt); !ok {
		return false
	}
	branches := false
	ast.Inspect(ifs.Body, func(n ast.Node) bool {
		if _, ok := n.(*ast.BranchStmt); ok {
			branches = true
		}
		_, lit := n.(*ast.FuncLit)
		return !branches && !lit
	})
	return !branches
}

// movable reports whether the statements moved can run at the start of
// the loop's body instead: what they declare is used only by them and in
// the body, the body does not declare those names itself, and every name
// they use means the same there.
func (c *checker) movable(moved []ast.Stmt, build *ast.AssignStmt, loop ast.Stmt, body *ast.BlockStmt) bool {
	declared := make(map[types.Object]bool)
	if build.Tok == token.DEFINE {
		for _, lhs := range build.Lhs {
			if id, ok := lhs.(*ast.Ident); ok {
				if obj := c.info.Defs[id]; obj != nil {
					declared[obj] = true
				}
			}
		}
	}
	if scope := c.info.Scopes[body]; scope != nil {
		for obj := range declared {
			if other := scope.Lookup(obj.Name()); other != nil && !c.redeclarable(body, other, declared) {
				return false
			}
		}
	}
	within := func(pos token.Pos, n ast.Node) bool { return n.Pos() <= pos && pos < n.End() }
	// Uses of what build declares, in the enclosing function.
	fn := c.idx.Enclosing(build.Pos())
	if fn == nil {
		return false
	}
	ok := true
	ast.Inspect(fn.Body(), func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !ok || !isID || !declared[c.info.Uses[id]] {
			return ok
		}
		inMoved := false
		for _, st := range moved {
			inMoved = inMoved || within(id.Pos(), st)
		}
		if !inMoved && !within(id.Pos(), body) {
			ok = false
		}
		return ok
	})
	if !ok {
		return false
	}
	// Every other name used by the moved statements resolves to the same
	// object at the start of the body.
	scope := c.info.Scopes[body]
	if scope == nil {
		return false
	}
	insertAt := body.Lbrace + 1
	for _, st := range moved {
		scopeIdents(st, func(id *ast.Ident) {
			obj := c.info.Uses[id]
			if !ok || obj == nil || declared[obj] || obj.Parent() == nil {
				return // a field, a method, or what build declares
			}
			if _, found := scope.LookupParent(id.Name, insertAt); found != obj {
				ok = false
			}
		})
	}
	return ok
}

// scopeIdents calls visit on the identifiers of n that are looked up in
// scope: not the selected name of a selector (NewRequest in
// http.NewRequest, URL in req.URL).
func scopeIdents(n ast.Node, visit func(*ast.Ident)) {
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.SelectorExpr:
			scopeIdents(m.X, visit)
			return false
		case *ast.Ident:
			visit(m)
		}
		return true
	})
}

// redeclarable reports whether obj, declared at the top of the loop's
// body, is declared by a := that declares another new name too (resp, err
// := c.Do(req)): once the moved statement declares the name first, that
// := assigns it and still compiles.
func (c *checker) redeclarable(body *ast.BlockStmt, obj types.Object, declared map[types.Object]bool) bool {
	names := make(map[string]bool)
	for d := range declared {
		names[d.Name()] = true
	}
	for _, st := range body.List {
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE {
			continue
		}
		declares, others := false, false
		for _, lhs := range as.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok {
				continue
			}
			def := c.info.Defs[id]
			switch {
			case def == obj:
				declares = true
			case def != nil && !names[id.Name]:
				others = true
			}
		}
		if declares {
			return others
		}
	}
	return false
}

// moveEdits deletes the lines of moved and inserts them, indented one
// level more, at the start of body.
func (c *checker) moveEdits(moved []ast.Stmt, body *ast.BlockStmt) []analysis.TextEdit {
	first, last := moved[0], moved[len(moved)-1]
	tf, src, ok := fixes.FileSource(c.pass, first.Pos())
	if !ok {
		return nil
	}
	start := tf.Offset(tf.LineStart(tf.Line(first.Pos())))
	endLine := tf.Line(last.End())
	end := len(src)
	if endLine < tf.LineCount() {
		end = tf.Offset(tf.LineStart(endLine + 1))
	}
	// Nothing else may share the moved lines.
	if strings.TrimSpace(string(src[start:tf.Offset(first.Pos())])) != "" ||
		strings.TrimSpace(stripComment(string(src[tf.Offset(last.End()):end]))) != "" {
		return nil
	}
	for _, st := range moved {
		if fixes.HasMultilineRaw(st) {
			return nil
		}
	}
	// gofmt aligns the comments that end adjacent lines: a moved line
	// ending in one, or the loop's line (which the lines before it will
	// touch), would need them realigned.
	if c.commentEnds(tf, endLine) || c.commentEnds(tf, tf.Line(body.Lbrace)) {
		return nil
	}
	text := strings.TrimSuffix(string(src[start:end]), "\n")
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "\t" + l
		}
	}
	return []analysis.TextEdit{
		{Pos: tf.Pos(start), End: tf.Pos(end)},
		{Pos: body.Lbrace + 1, End: body.Lbrace + 1, NewText: []byte("\n" + strings.Join(lines, "\n"))},
	}
}

// commentEnds reports whether a comment ends line of tf.
func (c *checker) commentEnds(tf *token.File, line int) bool {
	for _, f := range c.pass.Files {
		if c.pass.Fset.File(f.Pos()) != tf {
			continue
		}
		for _, g := range f.Comments {
			for _, cm := range g.List {
				if tf.Line(cm.End()) == line && tf.Line(cm.Pos()) == line {
					return true
				}
			}
		}
	}
	return false
}

// stripComment removes a trailing // comment from the rest of a line.
func stripComment(rest string) string {
	if i := strings.Index(rest, "//"); i >= 0 {
		return rest[:i]
	}
	return rest
}
