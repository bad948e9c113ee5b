package timeouts

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
)

// cloneFix returns the fix that turns `v := &http.Transport{F: x, …}`
// (or v = …) into v := http.DefaultTransport.(*http.Transport).Clone()
// followed by v.F = x, or nil when the literal is not so assigned.
// noH2 adds v.ForceAttemptHTTP2 = false, for a literal that did not
// attempt HTTP/2.
func (c *checker) cloneFix(cur cursor, lit *ast.CompositeLit, own map[string]ast.Expr, noH2 bool) *analysis.SuggestedFix {
	pkgID, as, id, ok := c.cloneTarget(cur, lit)
	if !ok {
		return nil
	}
	file := fixes.File(c.pass, lit.Pos())
	tf := c.pass.Fset.File(lit.Pos())
	if file == nil || tf == nil {
		return nil
	}
	cm := c.literalComments(file, tf, lit)
	var b strings.Builder
	b.WriteString(id.Name + " " + as.Tok.String() + " " + pkgID.Name + ".DefaultTransport.(*" + pkgID.Name + ".Transport).Clone()")
	for _, t := range cm.first {
		b.WriteString(" " + t)
	}
	for _, elt := range lit.Elts {
		kv := elt.(*ast.KeyValueExpr)
		for _, t := range cm.leading[elt] {
			b.WriteString("\n" + t)
		}
		val, ok := fixes.Source(c.pass, kv.Value)
		if !ok {
			return nil
		}
		b.WriteString("\n" + id.Name + "." + kv.Key.(*ast.Ident).Name + " = " + val)
		for _, t := range cm.trailing[elt] {
			b.WriteString(" " + t)
		}
	}
	if noH2 {
		// The literal's own dialer or TLS config kept HTTP/2 off.
		b.WriteString("\n" + id.Name + ".ForceAttemptHTTP2 = false")
	}
	for _, t := range cm.last {
		b.WriteString("\n" + t)
	}
	for _, t := range cm.after {
		b.WriteString(" " + t)
	}
	text, ok := fixes.FormatStmts(c.pass, as.Pos(), b.String())
	if !ok {
		return nil
	}
	edit, ok := fixes.Replace(c.pass, as.Pos(), cm.end, text)
	if !ok {
		return nil
	}
	return &analysis.SuggestedFix{
		Message:   "Start from http.DefaultTransport.(*http.Transport).Clone()",
		TextEdits: []analysis.TextEdit{edit},
	}
}

// cloneTarget returns, for `v := &pkg.Transport{…}` (or v = …) at cur as
// a statement of its own, the package name pkg, the assignment and v;
// ok is false for any other shape, or when the literal refers to v.
func (c *checker) cloneTarget(cur cursor, lit *ast.CompositeLit) (pkgID *ast.Ident, as *ast.AssignStmt, id *ast.Ident, ok bool) {
	info := c.pass.TypesInfo
	tsel, ok := lit.Type.(*ast.SelectorExpr)
	if !ok {
		return nil, nil, nil, false
	}
	pkgID, ok = tsel.X.(*ast.Ident)
	if !ok || !isPkg(info, pkgID) {
		return nil, nil, nil, false
	}
	amp, ok := cur.Parent().Node().(*ast.UnaryExpr)
	if !ok || amp.Op != token.AND {
		return nil, nil, nil, false
	}
	as, ok = cur.Parent().Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != amp {
		return nil, nil, nil, false
	}
	switch cur.Parent().Parent().Parent().Node().(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return nil, nil, nil, false // an if or for header
	}
	id, ok = as.Lhs[0].(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil, nil, nil, false
	}
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || kindOf(v.Type()) != transport {
		return nil, nil, nil, false
	}
	if _, isPtr := types.Unalias(v.Type()).(*types.Pointer); !isPtr {
		return nil, nil, nil, false
	}
	// The values must not refer to the variable being assigned.
	refers := false
	ast.Inspect(lit, func(n ast.Node) bool {
		if x, ok := n.(*ast.Ident); ok && info.Uses[x] == v {
			refers = true
		}
		return !refers
	})
	if refers {
		return nil, nil, nil, false
	}
	return pkgID, as, id, true
}

// litComments are the comments of a literal placed for the statements
// that replace it: first after the first statement, leading and trailing
// around the statement of their field, last after the last statement,
// and after (on the literal's last line) at its end; end is where the
// replaced text ends.
type litComments struct {
	first, last, after []string
	leading, trailing  map[ast.Expr][]string
	end                token.Pos
}

// literalComments places the comments in and just after lit. Comments in
// the literal follow their field; one after the literal on its last line
// stays last.
func (c *checker) literalComments(file *ast.File, tf *token.File, lit *ast.CompositeLit) litComments {
	line := func(p token.Pos) int { return tf.Line(p) }
	cm := litComments{
		leading:  make(map[ast.Expr][]string),
		trailing: make(map[ast.Expr][]string),
		end:      lit.Rbrace + 1,
	}
	for _, cg := range file.Comments {
		if cg.Pos() < lit.Lbrace || cg.Pos() >= cm.end && line(cg.Pos()) != line(lit.Rbrace) {
			continue
		}
		if cg.Pos() >= cm.end {
			if line(cg.Pos()) == line(lit.Rbrace) {
				cm.after = append(cm.after, commentText(c, cg))
				if cg.End() > cm.end {
					cm.end = cg.End()
				}
			}
			continue
		}
		if line(cg.Pos()) == line(lit.Lbrace) && (len(lit.Elts) == 0 || line(lit.Elts[0].Pos()) != line(lit.Lbrace)) {
			cm.first = append(cm.first, commentText(c, cg))
			continue
		}
		if !cm.placeInElement(c, line, lit, cg) {
			cm.last = append(cm.last, commentText(c, cg))
		}
	}
	return cm
}

// placeInElement places cg, a comment inside lit, with the element it is
// in, follows on its line, or precedes, and reports whether it did.
func (cm *litComments) placeInElement(c *checker, line func(token.Pos) int, lit *ast.CompositeLit, cg *ast.CommentGroup) bool {
	for _, elt := range lit.Elts {
		if cg.Pos() >= elt.Pos() && cg.End() <= elt.End() {
			return true // inside the value: copied with it
		}
		if cg.Pos() >= elt.End() && line(cg.Pos()) == line(elt.End()) {
			cm.trailing[elt] = append(cm.trailing[elt], commentText(c, cg))
			return true
		}
		if cg.End() <= elt.Pos() {
			cm.leading[elt] = append(cm.leading[elt], commentText(c, cg))
			return true
		}
	}
	return false
}

// commentText returns the source of the comment group cg, one line.
func commentText(c *checker, cg *ast.CommentGroup) string {
	var parts []string
	for _, cm := range cg.List {
		parts = append(parts, cm.Text)
	}
	return strings.Join(parts, "\n")
}
