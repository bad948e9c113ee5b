package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
)

// A sample is one of gosec's rule tests: Go source files held in string
// literals, and the number of issues the rule must report on them
// (testutils.CodeSample{Code, Errors, Config}).
type sample struct {
	files  []sampleFile
	errors int
}

// A sampleFile is one file of a sample and where its text starts in the
// samples file, so that a line of it can be named by a line there.
type sampleFile struct {
	src        string
	lineOffset int // line in the samples file = line in src + lineOffset
}

// parseSamples returns the samples of the variable name (SampleCodeG112)
// declared in the Go source of a gosec testutils file.
func parseSamples(src []byte, name string) ([]sample, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var list *ast.CompositeLit
	for _, decl := range f.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range gen.Specs {
			vs, ok := spec.(*ast.ValueSpec)
			if !ok {
				continue
			}
			for i, id := range vs.Names {
				if id.Name == name && i < len(vs.Values) {
					list, _ = vs.Values[i].(*ast.CompositeLit)
				}
			}
		}
	}
	if list == nil {
		return nil, fmt.Errorf("no composite literal %s", name)
	}
	var samples []sample
	for _, elt := range list.Elts {
		s, err := parseSample(fset, elt)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", fset.Position(elt.Pos()), err)
		}
		samples = append(samples, s)
	}
	return samples, nil
}

// parseSample reads {[]string{`code`, ...}, errors, config}.
func parseSample(fset *token.FileSet, elt ast.Expr) (sample, error) {
	lit, ok := elt.(*ast.CompositeLit)
	if !ok || len(lit.Elts) < 2 {
		return sample{}, fmt.Errorf("not a CodeSample literal")
	}
	code, ok := lit.Elts[0].(*ast.CompositeLit)
	if !ok {
		return sample{}, fmt.Errorf("code is not a []string literal")
	}
	var s sample
	for _, c := range code.Elts {
		bl, ok := c.(*ast.BasicLit)
		if !ok || bl.Kind != token.STRING {
			return sample{}, fmt.Errorf("code is not a string literal")
		}
		text, err := strconv.Unquote(bl.Value)
		if err != nil {
			return sample{}, err
		}
		// Line 1 of the text is the literal's own line, when the literal is
		// raw; a quoted literal's lines cannot be mapped and get offset 0.
		offset := 0
		if strings.HasPrefix(bl.Value, "`") {
			offset = fset.Position(bl.Pos()).Line - 1
		}
		s.files = append(s.files, sampleFile{src: text, lineOffset: offset})
	}
	n, ok := lit.Elts[1].(*ast.BasicLit)
	if !ok || n.Kind != token.INT {
		return sample{}, fmt.Errorf("errors is not an integer literal")
	}
	errs, err := strconv.Atoi(n.Value)
	if err != nil {
		return sample{}, err
	}
	s.errors = errs
	return s, nil
}
