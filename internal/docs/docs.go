// Package docs extracts an analyzer's documentation from its package doc
// comment, so that doc.go is the one place it is written, and renders it
// as the analyzer's page, docs/NAME.md.
package docs

//go:generate go run ./gendocs ../../docs

import (
	"go/parser"
	"go/token"
	"strings"
)

// Extract returns the documentation of analyzer name from content, the
// source of a doc.go file: the package doc comment from its
// "# Analyzer name" heading on, without the heading. By convention its
// first line is "name: one-line summary".
// If content has no such section, it returns the whole package doc.
func Extract(content, name string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		return name
	}
	text := f.Doc.Text()
	heading := "# Analyzer " + name
	for _, line := range strings.SplitAfter(text, "\n") {
		if strings.TrimSpace(line) == heading {
			_, rest, _ := strings.Cut(text, line)
			return strings.TrimSpace(rest)
		}
	}
	return strings.TrimSpace(text)
}
