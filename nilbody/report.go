package nilbody

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

const why = "code that calls RoundTrip directly, such as middleware, reads resp.Body and panics"

// report reports one source of a response without a Body, with the fix
// when it is a literal or a nil assignment.
func report(pass *analysis.Pass, s source) {
	line := pass.Fset.Position(s.ret).Line
	var msg string
	switch n := s.node.(type) {
	case *ast.CompositeLit:
		what := "without a Body"
		if kv := match.KeyedField(n, "Body"); kv != nil {
			what = "with a nil Body"
		}
		msg = fmt.Sprintf("this RoundTripper returns an http.Response %s at line %d: %s; set Body to http.NoBody", what, line, why)
	case *ast.CallExpr:
		if s.call != nil {
			msg = fmt.Sprintf("this RoundTripper returns the http.Response of %s without a Body at line %d: %s; set its Body to http.NoBody in %s", s.call.Name(), line, why, s.call.Name())
			break
		}
		msg = fmt.Sprintf("this RoundTripper returns an http.Response without a Body at line %d: %s; set its Body to http.NoBody", line, why)
	case *ast.AssignStmt:
		msg = fmt.Sprintf("this RoundTripper returns an http.Response whose Body is nil at line %d: %s; use http.NoBody", line, why)
	default:
		msg = fmt.Sprintf("this RoundTripper returns an http.Response without a Body at line %d: %s; set its Body to http.NoBody", line, why)
	}
	d := analysis.Diagnostic{Pos: s.node.Pos(), End: s.node.End(), Message: msg}
	if edits := fix(pass, s); edits != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{{Message: "Set Body to http.NoBody", TextEdits: edits}}
	}
	suppress.Report(pass, d)
}

// fix returns the edits that set the Body of the source to http.NoBody:
// the nil replaced, or a Body element added to the literal (which is then
// formatted as gofmt would), and the import of net/http if the file lacks
// it. It returns nil when it cannot.
func fix(pass *analysis.Pass, s source) []analysis.TextEdit {
	file := fixes.File(pass, s.node.Pos())
	if file == nil {
		return nil
	}
	noBody := "NoBody"
	var imports []analysis.TextEdit
	if pass.Pkg.Path() != match.NetHTTP {
		name, edits, ok := fixes.AddImport(pass.TypesInfo, pass.Pkg, file, s.node.Pos(), match.NetHTTP, "http")
		if !ok {
			return nil
		}
		noBody, imports = name+".NoBody", edits
	}
	var nilValue ast.Expr
	switch n := s.node.(type) {
	case *ast.AssignStmt:
		nilValue = n.Rhs[0]
	case *ast.CompositeLit:
		if kv := match.KeyedField(n, "Body"); kv != nil {
			nilValue = kv.Value
		}
	default:
		return nil
	}
	if nilValue != nil {
		return append(imports, analysis.TextEdit{Pos: nilValue.Pos(), End: nilValue.End(), NewText: []byte(noBody)})
	}
	text, ok := addBody(pass, s.lit, noBody)
	if !ok {
		return nil
	}
	return append(imports, analysis.TextEdit{Pos: s.lit.Pos(), End: s.lit.End(), NewText: text})
}

// addBody returns the source of lit with a "Body: noBody" element added,
// formatted as gofmt formats it where it stands (its key-value columns
// aligned).
func addBody(pass *analysis.Pass, lit *ast.CompositeLit, noBody string) ([]byte, bool) {
	tf, src, ok := fixes.FileSource(pass, lit.Pos())
	if !ok {
		return nil, false
	}
	start, end := tf.Offset(lit.Pos()), tf.Offset(lit.End())
	rbrace := tf.Offset(lit.Rbrace)
	var b bytes.Buffer
	switch {
	case len(lit.Elts) == 0:
		b.Write(src[start:rbrace])
		b.WriteString("Body: " + noBody)
		b.Write(src[rbrace:end])
	default:
		last := lit.Elts[len(lit.Elts)-1]
		at := tf.Offset(last.End())
		b.Write(src[start:at])
		if tf.Line(last.End()) < tf.Line(lit.Rbrace) {
			b.WriteString(",\nBody: " + noBody) // the trailing comma follows
		} else {
			b.WriteString(", Body: " + noBody)
		}
		b.Write(src[at:end])
	}
	// Format the literal alone, then indent it like the line it starts on.
	const prefix = "package p\n\nvar _ = "
	out, err := format.Source([]byte(prefix + b.String() + "\n"))
	if err != nil {
		return nil, false
	}
	if fixes.HasMultilineRaw(lit) {
		return nil, false // its lines would be indented too
	}
	text := strings.TrimSuffix(strings.TrimPrefix(string(out), prefix), "\n")
	indent := fixes.LineIndent(tf, src, lit.Pos())
	return []byte(strings.ReplaceAll(text, "\n", "\n"+indent)), true
}
