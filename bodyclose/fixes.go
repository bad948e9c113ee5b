package bodyclose

// Suggested fixes: a deferred Close, or a deferred drain-then-close,
// inserted after the call's error check (closeFix), and a drain, bounded
// by -drain-limit, put before the Close of a body nothing read
// (drainFix). Where the place of the edit is not plain (a loop, an alias,
// a closure, an ignored error), no fix is offered and the diagnostic
// stands alone.

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
)

// limitText writes the -drain-limit value as Go source: 64<<10.
func limitText() string {
	n := config.drainLimit
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d<<20", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d<<10", n>>10)
	}
	return strconv.FormatInt(n, 10)
}

// drainCall returns the bounded drain of body, with io the local name of
// package io: io.Copy(io.Discard, io.LimitReader(body, N)), unbounded
// when -drain-limit is not positive.
func drainCall(io, body string) string {
	if config.drainLimit <= 0 {
		return fmt.Sprintf("%[1]s.Copy(%[1]s.Discard, %[2]s)", io, body)
	}
	return fmt.Sprintf("%[1]s.Copy(%[1]s.Discard, %[1]s.LimitReader(%[2]s, %[3]s))", io, body, limitText())
}

// closeFix inserts defer v.Body.Close() after stmt, or after the
// if err != nil {…} that follows it; with drain, a deferred drain and
// close.
func (c *checker) closeFix(fn *function, stmt ast.Node, v *types.Var, errLhs ast.Expr, errVar *types.Var, drain bool) (analysis.SuggestedFix, bool) {
	var fix analysis.SuggestedFix
	st, ok := stmt.(ast.Stmt)
	if !ok {
		if spec, isSpec := stmt.(*ast.ValueSpec); isSpec {
			st = c.declOf(fn, spec)
		}
		if st == nil {
			return fix, false
		}
	}
	list, pos, inLoop := c.stmtList(fn, st)
	if list == nil || inLoop {
		return fix, false
	}
	// Only when the function does nothing else with the response: no
	// close, hand-off or alias anywhere.
	if !c.onlyUnclosedUse(fn, v) {
		return fix, false
	}
	after, ok := c.closeAfter(st, list, pos, errLhs, errVar)
	if !ok {
		return fix, false
	}
	indent, ok := fixes.LeadingIndent(c.pass, st.Pos())
	if !ok {
		return fix, false
	}
	// Insert at the end of the line, after a trailing comment.
	tf := c.pass.Fset.File(after.End())
	line := tf.Line(after.End())
	if line >= tf.LineCount() {
		return fix, false
	}
	at := tf.LineStart(line+1) - 1
	if drain {
		file := fixes.File(c.pass, st.Pos())
		if file == nil {
			return fix, false
		}
		io, edits, ok := fixes.AddImport(c.pass.TypesInfo, c.pass.Pkg, file, at, "io", "io")
		if !ok {
			return fix, false
		}
		text := fmt.Sprintf("\n%[1]sdefer func() {\n%[1]s\t_, _ = %[2]s\n%[1]s\t_ = %[3]s.Body.Close()\n%[1]s}()", indent, drainCall(io, v.Name()+".Body"), v.Name())
		return analysis.SuggestedFix{
			Message:   fmt.Sprintf("Add a deferred drain and close of %s.Body", v.Name()),
			TextEdits: append(edits, analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)}),
		}, true
	}
	text := "\n" + indent + "defer " + v.Name() + ".Body.Close()"
	return analysis.SuggestedFix{
		Message:   fmt.Sprintf("Add defer %s.Body.Close()", v.Name()),
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}, true
}

// onlyUnclosedUse reports whether fn does nothing with the response v
// but use it: no close, hand-off or alias anywhere, no closure mentioning
// it.
func (c *checker) onlyUnclosedUse(fn *function, v *types.Var) bool {
	tr := c.tracks[v]
	if len(tr.resp)+len(tr.body) != 1 {
		return false
	}
	sc := &scanner{c: c, tr: tr, ev: new(events)}
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		switch n.(type) {
		case *ast.AssignStmt, *ast.ValueSpec, *ast.ExprStmt, *ast.DeferStmt, *ast.GoStmt, *ast.ReturnStmt, *ast.SendStmt:
			sc.scan(n)
			return false
		case ast.Expr:
			sc.expr(n)
			return false
		}
		return true
	})
	if sc.ev.close || sc.ev.deferClose || sc.ev.transfer || len(tr.holder) > 0 {
		return false
	}
	for _, lit := range fn.lits {
		if sc.mentions(lit.Body) {
			return false // a goroutine reading it, a cleanup closure: not ours to close
		}
	}
	return true
}

// closeAfter returns the statement after which the close goes: st, the
// statement at pos in list that gets the response, or the
// if err != nil {…} right after it; ok is false when the error is ignored
// or not so checked.
func (c *checker) closeAfter(st ast.Stmt, list []ast.Stmt, pos int, errLhs ast.Expr, errVar *types.Var) (ast.Stmt, bool) {
	if errLhs != nil && errVar == nil {
		return nil, false // the error is ignored: resp may be nil
	}
	if errVar == nil {
		return st, true
	}
	if pos+1 >= len(list) {
		return nil, false
	}
	ifs, ok := list[pos+1].(*ast.IfStmt)
	if !ok || ifs.Init != nil || ifs.Else != nil || !isErrNotNil(c.pass.TypesInfo, ifs.Cond, errVar) {
		return nil, false
	}
	return ifs, true
}

func isErrNotNil(info *types.Info, e ast.Expr, errVar *types.Var) bool {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	return ok && b.Op == token.NEQ && match.ObjectOf(info, b.X) == errVar && match.IsNil(info, b.Y)
}

// declOf returns the DeclStmt holding spec.
func (c *checker) declOf(fn *function, spec *ast.ValueSpec) ast.Stmt {
	var found ast.Stmt
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if ds, ok := n.(*ast.DeclStmt); ok {
			if gd, ok := ds.Decl.(*ast.GenDecl); ok && len(gd.Specs) == 1 && gd.Specs[0] == spec {
				found = ds
			}
		}
		return found == nil
	})
	return found
}

// stmtList returns the statement list holding st, its index, and whether
// st is inside a loop of fn.
func (c *checker) stmtList(fn *function, st ast.Stmt) (list []ast.Stmt, idx int, inLoop bool) {
	match.InspectStack(fn.body(), func(n ast.Node, stack []ast.Node) bool {
		if list != nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		stmts := match.StmtList(n)
		for i, s := range stmts {
			if s == st {
				list, idx = stmts, i
				for _, a := range stack {
					switch a.(type) {
					case *ast.ForStmt, *ast.RangeStmt:
						inLoop = true
					}
				}
				return false
			}
		}
		return true
	})
	return list, idx, inLoop
}

// drainFix turns defer body.Close() into a deferred drain-then-close, or
// inserts a drain before a body.Close() statement.
func (c *checker) drainFix(fn *function, call *ast.CallExpr, bodyText string) (analysis.SuggestedFix, bool) {
	var fix analysis.SuggestedFix
	var parent ast.Node
	ast.Inspect(fn.body(), func(n ast.Node) bool {
		if parent != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.DeferStmt:
			if n.Call == call {
				parent = n
			}
		case *ast.ExprStmt:
			if n.X == call {
				parent = n
			}
		}
		return true
	})
	if parent == nil {
		return fix, false
	}
	file := fixes.File(c.pass, call.Pos())
	if file == nil {
		return fix, false
	}
	io, edits, ok := fixes.AddImport(c.pass.TypesInfo, c.pass.Pkg, file, call.Pos(), "io", "io")
	if !ok {
		return fix, false
	}
	drain := "_, _ = " + drainCall(io, bodyText)
	switch p := parent.(type) {
	case *ast.DeferStmt:
		indent, ok := fixes.LeadingIndent(c.pass, p.Pos())
		if !ok {
			return fix, false
		}
		text := fmt.Sprintf("defer func() {\n%[1]s\t%[2]s\n%[1]s\t_ = %[3]s.Close()\n%[1]s}()", indent, drain, bodyText)
		edits = append(edits, analysis.TextEdit{Pos: p.Pos(), End: p.End(), NewText: []byte(text)})
	case *ast.ExprStmt:
		indent, ok := fixes.LeadingIndent(c.pass, p.Pos())
		if !ok {
			return fix, false
		}
		edits = append(edits, analysis.TextEdit{Pos: p.Pos(), End: p.Pos(), NewText: []byte(drain + "\n" + indent)})
	}
	return analysis.SuggestedFix{
		Message:   "Drain the body before closing it",
		TextEdits: edits,
	}, true
}
