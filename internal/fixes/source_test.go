package fixes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestSource(t *testing.T) {
	const src = "package p\n\nfunc f() {\n\t\tx := 1; y := 2\n\t_ = `a\nb`\n}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	text := src
	pass := &analysis.Pass{Fset: fset, ReadFile: func(string) ([]byte, error) { return []byte(text), nil }}
	body := f.Decls[0].(*ast.FuncDecl).Body
	x, y, raw := body.List[0], body.List[1], body.List[2]
	if in, ok := LeadingIndent(pass, x.Pos()); !ok || in != "\t\t" {
		t.Errorf("LeadingIndent(x) = %q, %v, want two tabs", in, ok)
	}
	if _, ok := LeadingIndent(pass, y.Pos()); ok {
		t.Errorf("LeadingIndent(y) is ok: x stands before it")
	}
	if s, ok := Source(pass, y); !ok || s != "y := 2" {
		t.Errorf("Source(y) = %q, %v", s, ok)
	}
	if !HasMultilineRaw(raw) || HasMultilineRaw(x) {
		t.Errorf("HasMultilineRaw wrong")
	}
	text = src + "// changed since parsing\n"
	if _, _, ok := FileSource(pass, x.Pos()); ok {
		t.Errorf("FileSource of a file changed since parsing is ok")
	}
}
