package main

import (
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"
)

// A want is one diagnostic a peer's test expects at a line.
type want struct {
	line    int
	pattern string // the regexp of the // want comment
}

// parseWants returns the diagnostics that the analysistest `// want`
// comments of a Go file expect, in line order. Fact expectations
// (`// want name:"fact"`) are not diagnostics and are left out.
func parseWants(src []byte) []want {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments)
	if err != nil {
		return nil
	}
	var wants []want
	for _, group := range f.Comments {
		for _, c := range group.List {
			text, ok := strings.CutPrefix(c.Text, "//")
			if !ok {
				continue
			}
			text = strings.TrimSpace(text)
			rest, ok := strings.CutPrefix(text, "want ")
			if !ok {
				continue
			}
			line := fset.Position(c.Pos()).Line
			for _, p := range wantPatterns(rest) {
				wants = append(wants, want{line: line, pattern: p})
			}
		}
	}
	return wants
}

// wantPatterns splits the text after "want" into its string literals,
// as analysistest does: a literal preceded by "name:" expects a fact.
func wantPatterns(text string) []string {
	var s scanner.Scanner
	fset := token.NewFileSet()
	src := []byte(text)
	s.Init(fset.AddFile("", -1, len(src)), src, nil, 0)
	var patterns []string
	fact := false
	for {
		_, tok, lit := s.Scan()
		switch tok {
		case token.EOF:
			return patterns
		case token.IDENT:
			fact = true // name:"fact": the colon and literal follow
		case token.COLON:
		case token.STRING:
			if p, err := strconv.Unquote(lit); err == nil && !fact {
				patterns = append(patterns, p)
			}
			fact = false
		default:
			// Anything else ends the expectations (a trailing comment).
			return patterns
		}
	}
}

// A source is a parsed Go file of a peer's tests, for relating a finding
// on one line to an expectation on another.
type source struct {
	fset *token.FileSet
	file *ast.File // nil if it does not parse
}

func parseSource(src []byte) source {
	fset := token.NewFileSet()
	f, _ := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	return source{fset, f}
}

// related reports whether a finding on line found is about the expected
// diagnostic on line want: the line lies within the innermost statement
// at want (httpvet reports an assignment that spans the peer's call), or
// the two lines' statements are in the same function and one of them
// assigns a variable the other uses first (the peer marks `f(url)`,
// httpvet `f := http.Get`; the peer marks `resp, err := http.Get(…)`,
// httpvet the unread `resp.Body.Close()`).
func (s source) related(want, found int) bool {
	if s.file == nil {
		return false
	}
	sw, fw := s.innermost(want)
	if sw == nil {
		return false
	}
	if l := s.line(sw.Pos()); found >= l && found <= s.line(sw.End()) {
		return true
	}
	sf, ff := s.innermost(found)
	if sf == nil || fw != ff {
		return false
	}
	return uses(sf, assigned(sw)) || uses(sw, assigned(sf))
}

func (s source) line(p token.Pos) int { return s.fset.Position(p).Line }

// innermost returns the smallest statement other than a block that
// covers line, and the innermost function around it.
func (s source) innermost(line int) (ast.Stmt, ast.Node) {
	var best ast.Stmt
	var bestFn, fn ast.Node
	var stack []ast.Node
	ast.Inspect(s.file, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		stmt, ok := n.(ast.Stmt)
		if _, block := n.(*ast.BlockStmt); !ok || block {
			return true
		}
		first, last := s.line(stmt.Pos()), s.line(stmt.End())
		if first > line || last < line {
			return true
		}
		if best == nil || last-first <= s.line(best.End())-s.line(best.Pos()) {
			fn = nil
			for i := len(stack) - 1; i >= 0 && fn == nil; i-- {
				switch stack[i].(type) {
				case *ast.FuncDecl, *ast.FuncLit:
					fn = stack[i]
				}
			}
			best, bestFn = stmt, fn
		}
		return true
	})
	return best, bestFn
}

// assigned is the first variable an assignment statement assigns ("" if
// none, or blank).
func assigned(stmt ast.Stmt) string {
	as, ok := stmt.(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 {
		return ""
	}
	if id, ok := as.Lhs[0].(*ast.Ident); ok && id.Name != "_" {
		return id.Name
	}
	return ""
}

// uses reports whether name occurs as an identifier in n.
func uses(n ast.Node, name string) bool {
	if name == "" {
		return false
	}
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if id, ok := m.(*ast.Ident); ok && id.Name == name {
			found = true
		}
		return !found
	})
	return found
}
