package fixes

import (
	"go/ast"
	"go/format"
	"go/scanner"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// FormatExpr returns the expression text as gofmt prints it at pos, in
// place of the expression that starts there: formatted on its own, its
// continuation lines indented like the line of pos. ok is false when text
// does not parse or holds a raw string that spans lines (re-indenting it
// would change it).
func FormatExpr(pass *analysis.Pass, pos token.Pos, text string) (string, bool) {
	out, ok := formatSnippet("package p\n\nvar _ = ", text, "\n")
	if !ok {
		return "", false
	}
	out = strings.TrimPrefix(out, "var _ = ")
	return indentRest(pass, pos, out, "")
}

// FormatStmts returns the statements text as gofmt prints them in the
// block where pos starts a statement: its first line starts at pos, the
// others are indented like the line of pos. ok is false as for
// FormatExpr.
func FormatStmts(pass *analysis.Pass, pos token.Pos, text string) (string, bool) {
	out, ok := formatSnippet("package p\n\nfunc _() {\n", text, "\n}\n")
	if !ok {
		return "", false
	}
	out = strings.TrimSuffix(out, "\n}")
	// Body lines are indented by one tab.
	var b strings.Builder
	for i, l := range strings.Split(out, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strings.TrimPrefix(l, "\t"))
	}
	return indentRest(pass, pos, b.String(), "")
}

// formatSnippet formats prefix+text+suffix as a file and returns the part
// of it after the package clause and prefix's declaration keyword line.
func formatSnippet(prefix, text, suffix string) (string, bool) {
	if multilineRaw(text) {
		return "", false
	}
	src, err := format.Source([]byte(prefix + text + suffix))
	if err != nil {
		return "", false
	}
	out := strings.TrimSuffix(string(src), "\n")
	out = strings.TrimPrefix(out, "package p\n\n")
	out = strings.TrimPrefix(out, "func _() {\n")
	return out, true
}

func indentRest(pass *analysis.Pass, pos token.Pos, text, _ string) (string, bool) {
	tf, src, ok := FileSource(pass, pos)
	if !ok {
		return "", false
	}
	indent := LineIndent(tf, src, pos)
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, "\n"), true
}

// Replace returns the edit replacing the text at [pos, end) of its file
// by text, trimmed to the part that changes (so that fixes touching
// nearby text conflict less). ok is false when the file cannot be read.
func Replace(pass *analysis.Pass, pos, end token.Pos, text string) (analysis.TextEdit, bool) {
	tf, src, ok := FileSource(pass, pos)
	if !ok {
		return analysis.TextEdit{}, false
	}
	nt := []byte(text)
	p, s := CommonEnds(src[tf.Offset(pos):tf.Offset(end)], nt)
	return analysis.TextEdit{Pos: pos + token.Pos(p), End: end - token.Pos(s), NewText: nt[p : len(nt)-s]}, true
}

// CommonEnds returns the length of the longest common prefix of a and b,
// and of the longest common suffix of what follows it in both.
func CommonEnds[E comparable](a, b []E) (prefix, suffix int) {
	for prefix < len(a) && prefix < len(b) && a[prefix] == b[prefix] {
		prefix++
	}
	for suffix < len(a)-prefix && suffix < len(b)-prefix && a[len(a)-1-suffix] == b[len(b)-1-suffix] {
		suffix++
	}
	return prefix, suffix
}

// HasMultilineRaw reports whether the syntax under n holds a raw string
// literal that spans lines, which re-indenting n's lines would change
// (multilineRaw asks it of source text).
func HasMultilineRaw(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if b, ok := m.(*ast.BasicLit); ok && b.Kind == token.STRING && strings.Contains(b.Value, "\n") {
			found = true
		}
		return !found
	})
	return found
}

// multilineRaw reports whether the Go source text holds a raw string
// literal that spans lines.
func multilineRaw(text string) bool {
	if !strings.Contains(text, "`") {
		return false
	}
	var sc scanner.Scanner
	fset := token.NewFileSet()
	sc.Init(fset.AddFile("", -1, len(text)), []byte(text), nil, 0)
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			return false
		}
		if tok == token.STRING && strings.HasPrefix(lit, "`") && strings.Contains(lit, "\n") {
			return true
		}
	}
}
