package fixes

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// FileSource returns the file of pos and its source, and ok=false when
// the source cannot be read or is not the text that was parsed (its size
// differs): an edit computed from it would land in the wrong place.
func FileSource(pass *analysis.Pass, pos token.Pos) (tf *token.File, src []byte, ok bool) {
	tf = pass.Fset.File(pos)
	if tf == nil {
		return nil, nil, false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil, nil, false
	}
	return tf, src, true
}

// Source returns the text of n in its file.
func Source(pass *analysis.Pass, n ast.Node) (string, bool) {
	tf, src, ok := FileSource(pass, n.Pos())
	if !ok {
		return "", false
	}
	return string(src[tf.Offset(n.Pos()):tf.Offset(n.End())]), true
}

// LineIndent returns the white space that starts the line of pos in src,
// the source of tf.
func LineIndent(tf *token.File, src []byte, pos token.Pos) string {
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	end := start
	for end < len(src) && (src[end] == ' ' || src[end] == '\t') {
		end++
	}
	return string(src[start:end])
}

// LeadingIndent returns the white space before pos on its line, the
// indent of a statement inserted at pos, and ok=false when anything else
// stands before pos there, or the file cannot be read (FileSource).
func LeadingIndent(pass *analysis.Pass, pos token.Pos) (indent string, ok bool) {
	tf, src, ok := FileSource(pass, pos)
	if !ok {
		return "", false
	}
	indent = LineIndent(tf, src, pos)
	if tf.Offset(tf.LineStart(tf.Line(pos)))+len(indent) != tf.Offset(pos) {
		return "", false
	}
	return indent, true
}
