package timeouts

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/internal/suppress"
)

// duration renders d as Go source using the time package named tm.
func duration(tm string, d time.Duration) string { return fixes.Duration(tm, d) }

// imports returns the local names of the packages paths in the file at
// pos, and the edits that add the missing ones to its import block.
func (c *checker) imports(pos token.Pos, paths ...string) (names []string, edits []analysis.TextEdit, ok bool) {
	return fixes.AddImports(c.pass, pos, paths...)
}

// fieldValues returns "Name: value" for each field of m that a fix adds.
func fieldValues(k kind, m []string, tm, net string) []string {
	var kvs []string
	for _, f := range m {
		var v string
		switch f {
		case "ReadHeaderTimeout":
			v = duration(tm, cfg.readHeaderTimeout)
		case "IdleTimeout":
			v = duration(tm, cfg.idleTimeout)
		case "Timeout":
			v = duration(tm, cfg.clientTimeout)
		case "TLSHandshakeTimeout":
			v = duration(tm, 10*time.Second)
		case "IdleConnTimeout":
			v = duration(tm, 90*time.Second)
		case "DialContext":
			v = fmt.Sprintf("(&%s.Dialer{Timeout: %s, KeepAlive: %s}).DialContext", net, duration(tm, 30*time.Second), duration(tm, 30*time.Second))
		}
		kvs = append(kvs, f+": "+v)
	}
	return kvs
}

// literalFix returns the fix adding the missing fields m to lit. A field
// of m the literal gives an explicit zero (strict mode's "0 is none") gets
// its value replaced instead.
func (c *checker) literalFix(k kind, lit *ast.CompositeLit, m []string) []analysis.SuggestedFix {
	var zeros []*ast.KeyValueExpr
	var absent []string
	for _, f := range m {
		if kv := match.KeyedField(lit, f); kv != nil {
			zeros = append(zeros, kv)
		} else {
			absent = append(absent, f)
		}
	}
	if len(zeros) > 0 {
		return c.replaceZeros(k, lit, m, absent, zeros)
	}
	return c.addFields(k, lit, m, nil)
}

// replaceZeros returns the fix giving the fields m of lit their timeouts:
// the explicit zeros replaced, the absent fields added, in one formatted
// rewrite of the literal.
func (c *checker) replaceZeros(k kind, lit *ast.CompositeLit, m, absent []string, zeros []*ast.KeyValueExpr) []analysis.SuggestedFix {
	names, edits, ok := c.imports(lit.Pos(), "time")
	if !ok {
		return nil
	}
	tm := names[0]
	repl := make(map[*ast.KeyValueExpr]string)
	for _, kv := range zeros {
		v := fieldValues(k, []string{kv.Key.(*ast.Ident).Name}, tm, "")[0]
		_, repl[kv], _ = strings.Cut(v, ": ")
	}
	edit, ok := c.formattedEdit(lit, fieldValues(k, absent, tm, ""), repl)
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{Message: "Set " + strings.Join(m, " and "), TextEdits: append(edits, edit)}}
}

// addFields returns the fix adding the missing fields m, and the fields
// extra ("Name: value"), to lit: the literal is printed as gofmt would
// (one-line literals stay on one line, multi-line ones get one field a
// line, aligned).
func (c *checker) addFields(k kind, lit *ast.CompositeLit, m []string, extra []string) []analysis.SuggestedFix {
	paths := []string{"time"}
	if k == transport && contains(m, "DialContext") {
		paths = []string{"net", "time"}
	}
	names, edits, ok := c.imports(lit.Pos(), paths...)
	if !ok {
		return nil
	}
	tm, net := names[len(names)-1], ""
	if len(names) == 2 {
		net = names[0]
	}
	kvs := append(fieldValues(k, m, tm, net), extra...)
	msg := "Add " + strings.Join(m, " and ")
	if len(extra) > 0 {
		msg = "Add " + strings.Join(m, ", ") + " and ForceAttemptHTTP2 (the added dialer would turn HTTP/2 off)"
	}
	if edit, ok := c.formattedInsert(lit, kvs); ok {
		return []analysis.SuggestedFix{{Message: msg, TextEdits: append(edits, edit)}}
	}
	fset := c.pass.Fset
	line := func(p token.Pos) int { return fset.Position(p).Line }
	var edit analysis.TextEdit
	switch {
	case len(lit.Elts) == 0 && line(lit.Lbrace) == line(lit.Rbrace):
		edit = analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(strings.Join(kvs, ", "))}
	case len(lit.Elts) > 0 && line(lit.Elts[len(lit.Elts)-1].End()) == line(lit.Rbrace):
		last := lit.Elts[len(lit.Elts)-1]
		edit = analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + strings.Join(kvs, ", "))}
	default:
		// One field a line, indented like the other fields (or one tab
		// deeper than the closing brace).
		braceIndent, ok := fixes.LeadingIndent(c.pass, lit.Rbrace)
		if !ok {
			return nil // the brace does not start its line
		}
		eltIndent := braceIndent + "\t"
		if len(lit.Elts) > 0 {
			tf, src, _ := fixes.FileSource(c.pass, lit.Rbrace) // read by LeadingIndent
			if in := fixes.LineIndent(tf, src, lit.Elts[len(lit.Elts)-1].Pos()); strings.HasPrefix(in, braceIndent) && len(in) > len(braceIndent) {
				eltIndent = in
			}
		}
		var b strings.Builder
		for _, kv := range kvs {
			b.WriteString(eltIndent[len(braceIndent):] + kv + ",\n" + braceIndent)
		}
		edit = analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(b.String())}
	}
	return []analysis.SuggestedFix{{
		Message:   msg,
		TextEdits: append(edits, edit),
	}}
}

// formattedInsert returns the edit adding the fields kvs to lit, the
// literal printed as gofmt prints it in place; ok is false when the
// literal cannot be printed alone (its type elided).
func (c *checker) formattedInsert(lit *ast.CompositeLit, kvs []string) (analysis.TextEdit, bool) {
	return c.formattedEdit(lit, kvs, nil)
}

// formattedEdit is formattedInsert that also replaces the value of each
// element of repl with its text.
func (c *checker) formattedEdit(lit *ast.CompositeLit, kvs []string, repl map[*ast.KeyValueExpr]string) (analysis.TextEdit, bool) {
	if lit.Type == nil {
		return analysis.TextEdit{}, false
	}
	src, ok := fixes.Source(c.pass, lit)
	if !ok {
		return analysis.TextEdit{}, false
	}
	tf := c.pass.Fset.File(lit.Pos())
	off := func(p token.Pos) int { return tf.Offset(p) - tf.Offset(lit.Pos()) }
	text := src
	if len(kvs) > 0 {
		switch {
		case len(lit.Elts) == 0:
			text = src[:off(lit.Rbrace)] + strings.Join(kvs, ", ") + src[off(lit.Rbrace):]
		case tf.Line(lit.Elts[len(lit.Elts)-1].End()) == tf.Line(lit.Rbrace):
			at := off(lit.Elts[len(lit.Elts)-1].End())
			text = src[:at] + ", " + strings.Join(kvs, ", ") + src[at:]
		default:
			text = src[:off(lit.Rbrace)] + strings.Join(kvs, ",\n") + ",\n" + src[off(lit.Rbrace):]
		}
	}
	// The replaced values all come before the insertion: replace them
	// last to first, so that the offsets before each stay right.
	for i := len(lit.Elts) - 1; i >= 0; i-- {
		kv, ok := lit.Elts[i].(*ast.KeyValueExpr)
		if v, replaced := repl[kv]; ok && replaced {
			text = text[:off(kv.Value.Pos())] + v + text[off(kv.Value.End()):]
		}
	}
	text, ok = fixes.FormatExpr(c.pass, lit.Pos(), text)
	if !ok {
		return analysis.TextEdit{}, false
	}
	return fixes.Replace(c.pass, lit.Pos(), lit.End(), text)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// reportListen reports a call of http.ListenAndServe, ListenAndServeTLS,
// Serve or ServeTLS, with a fix that builds an http.Server; contract: one
// only strict mode reports (a loopback or unknown listener).
func (c *checker) reportListen(call *ast.CallExpr, name string, contract bool) {
	if suppress.PeerSuppressed(c.pass, gosec, call.Pos()) {
		return // gosec's G114, declined
	}
	d := analysis.Diagnostic{
		Pos: call.Fun.Pos(), End: call.Fun.End(),
		Message: fmt.Sprintf("http.%s starts a server without timeouts and no way to set them: a client can hold a connection forever "+
			"by sending its headers slowly (Slowloris), and idle keep-alive connections are never closed; "+
			"use an http.Server with ReadHeaderTimeout and IdleTimeout", name),
	}
	if fix := c.listenFix(call, name); fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	suppress.Report(c.pass, strict.MarkIf(d, contract))
}

func (c *checker) listenFix(call *ast.CallExpr, name string) *analysis.SuggestedFix {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || call.Ellipsis.IsValid() {
		return nil
	}
	pkgID, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	if _, ok := c.pass.TypesInfo.Uses[pkgID].(*types.PkgName); !ok {
		return nil
	}
	addr, handler, rest, ok := listenArgs(name, call.Args)
	if !ok {
		return nil
	}
	// The handler moves before the other arguments: it, or they, must
	// be free of side effects.
	if name != "ListenAndServe" && !pure(c.pass.TypesInfo, handler) {
		for _, r := range rest {
			if !pure(c.pass.TypesInfo, r) {
				return nil
			}
		}
	}
	names, edits, ok := c.imports(call.Pos(), "time")
	if !ok {
		return nil
	}
	src := func(e ast.Expr) string {
		s, _ := fixes.Source(c.pass, e)
		return s // "" when it cannot be read
	}
	var fields []string
	if addr != nil {
		fields = append(fields, "Addr: "+src(addr))
	}
	if !match.IsNil(c.pass.TypesInfo, handler) {
		fields = append(fields, "Handler: "+src(handler))
	}
	fields = append(fields, fieldValues(server, []string{"ReadHeaderTimeout", "IdleTimeout"}, names[0], "")...)
	var rs []string
	for _, r := range rest {
		rs = append(rs, src(r))
	}
	for _, s := range append(fields, rs...) {
		if s == "" || strings.HasSuffix(s, ": ") {
			return nil
		}
	}
	text := fmt.Sprintf("(&%s.Server{%s}).%s(%s)", pkgID.Name, strings.Join(fields, ", "), name, strings.Join(rs, ", "))
	edits = append(edits, analysis.TextEdit{Pos: call.Pos(), End: call.End(), NewText: []byte(text)})
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Pos < edits[j].Pos })
	return &analysis.SuggestedFix{
		Message:   fmt.Sprintf("Use an http.Server with ReadHeaderTimeout and IdleTimeout"),
		TextEdits: edits,
	}
}

// listenArgs returns the arguments of the serving function name in the
// order of the original arguments: the fields of the server (addr, nil
// for Serve and ServeTLS, and handler), and the arguments of its method
// (rest); ok is false when the call does not have the function's
// arguments.
func listenArgs(name string, args []ast.Expr) (addr, handler ast.Expr, rest []ast.Expr, ok bool) {
	var want int
	switch name {
	case "ListenAndServe": // (addr, handler)
		want = 2
		if len(args) == want {
			addr, handler = args[0], args[1]
		}
	case "ListenAndServeTLS": // (addr, certFile, keyFile, handler)
		want = 4
		if len(args) == want {
			addr, handler, rest = args[0], args[3], args[1:3]
		}
	case "Serve": // (l, handler)
		want = 2
		if len(args) == want {
			handler, rest = args[1], args[:1]
		}
	case "ServeTLS": // (l, handler, certFile, keyFile)
		want = 4
		if len(args) == want {
			handler, rest = args[1], []ast.Expr{args[0], args[2], args[3]}
		}
	}
	return addr, handler, rest, len(args) == want
}

// pure reports whether evaluating e has no side effects: identifiers,
// constants, selections, function literals, conversions of those.
func pure(info *types.Info, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.SelectorExpr:
		return pure(info, e.X) || info.Uses[e.Sel] != nil && isPkg(info, e.X)
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return pure(info, e.Args[0])
		}
	}
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return true
	}
	return false
}

func isPkg(info *types.Info, e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	_, ok = info.Uses[id].(*types.PkgName)
	return ok
}
