package analyzertest

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/scanner"

	"golang.org/x/tools/go/analysis/checker"
)

// This file checks the // want comments of an analyzed package as
// analysistest.Run does, with the same syntax and the same errors:
//
//	// want "rx" `rx` name:"rx" package:"rx" +1 "rx"
//
// A string is a regular expression one diagnostic on the line must
// match; name:"rx" one fact of the object name declared on the line
// (package: a package fact, expected on line 1 of the package's first
// file); +N moves the expectations N lines down. Each diagnostic and fact
// must match an expectation of its line, and each expectation must be
// matched once.

// expectation is one expectation of a // want comment.
type expectation struct {
	kind string // "diagnostic" or "fact"
	name string // a fact's object name, or "package"; "" for a diagnostic
	rx   *regexp.Regexp
}

// lineKey is a line of a file, the file named relative to GOPATH/src.
type lineKey struct {
	file string
	line int
}

// wants are the expectations of a package by line; matching one
// removes it.
type wants map[lineKey][]expectation

// checkWants reports to t every diagnostic and fact of act that matches
// no // want expectation of its line, and every expectation left
// unmatched. gopath is the GOPATH the package was loaded from.
func checkWants(t Testing, gopath string, act *checker.Action) {
	w := make(wants)
	w.fromGoFiles(t, gopath, act)
	w.fromOtherFiles(t, gopath, act.Package.OtherFiles)

	for _, d := range act.Diagnostics {
		w.match(t, gopath, act.Package.Fset.Position(d.Pos), "diagnostic", "", d.Message)
	}
	// Package facts are expected at the start of the first file.
	for _, pf := range act.AllPackageFacts() {
		if pf.Package == act.Package.Types {
			posn := act.Package.Fset.Position(act.Package.Syntax[0].Pos())
			posn.Line, posn.Column = 1, 1
			w.match(t, gopath, posn, "fact", "package", fmt.Sprint(pf))
		}
	}
	// Object facts are expected on their object's line, reported in
	// the order of declaration.
	objFacts := act.AllObjectFacts()
	sort.Slice(objFacts, func(i, j int) bool { return objFacts[i].Object.Pos() < objFacts[j].Object.Pos() })
	for _, of := range objFacts {
		if obj := of.Object; obj.Pkg() == act.Package.Types {
			w.match(t, gopath, act.Package.Fset.Position(obj.Pos()), "fact", obj.Name(), fmt.Sprint(of.Fact))
		}
	}
	w.reportUnmatched(t)
}

// fromGoFiles adds the // want comments of the package's Go files. A
// comment holding "// want" after other text (//...// want, /*...// want
// */) counts from its "want".
func (w wants) fromGoFiles(t Testing, gopath string, act *checker.Action) {
	for _, f := range act.Package.Syntax {
		for _, group := range f.Comments {
			for _, c := range group.List {
				text := strings.TrimPrefix(c.Text, "//")
				if text == c.Text {
					text = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
				}
				if i := strings.Index(text, "// want"); i >= 0 {
					text = text[i+len("// "):]
				}
				// The position, not f's name: //line directives move it.
				posn := act.Package.Fset.Position(c.Pos())
				w.add(t, sanitize(gopath, posn.Filename), posn.Line, text)
			}
		}
	}
}

// fromOtherFiles adds the // want comments of the package's non-Go
// files, found by text on each line.
func (w wants) fromOtherFiles(t Testing, gopath string, files []string) {
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Errorf("can't read '// want' comments from %s: %v", name, err)
			continue
		}
		file := sanitize(gopath, name)
		for i, line := range strings.Split(string(data), "\n") {
			if j := strings.Index(line, "// want"); j >= 0 {
				line = line[j:]
			}
			if j := strings.Index(line, "//"); j >= 0 {
				w.add(t, file, i+1, line[j+len("//"):])
			}
		}
	}
}

// add records the expectations of the comment text on file:line, if it
// starts with "want" (even without a space after it).
func (w wants) add(t Testing, file string, line int, text string) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), "want")
	if !ok {
		return
	}
	delta, expects, err := parseWant(rest)
	if err != nil {
		t.Errorf("%s:%d: in 'want' comment: %s", file, line, err)
		return
	}
	if expects != nil {
		w[lineKey{file, line + delta}] = expects
	}
}

// match removes the first expectation of posn's line of the kind and
// name that message matches, or reports message as unexpected, or as
// matching none of the patterns of its kind and name there.
func (w wants) match(t Testing, gopath string, posn token.Position, kind, name, message string) {
	posn.Filename = sanitize(gopath, posn.Filename)
	k := lineKey{posn.Filename, posn.Line}
	expects := w[k]
	var tried []string
	for i, exp := range expects {
		if exp.kind != kind || exp.name != name {
			continue
		}
		if exp.rx.MatchString(message) {
			expects[i] = expects[len(expects)-1]
			w[k] = expects[:len(expects)-1]
			return
		}
		tried = append(tried, fmt.Sprintf("%#q", exp.rx))
	}
	if tried == nil {
		t.Errorf("%v: unexpected %s: %v", posn, kind, message)
	} else {
		t.Errorf("%v: %s %q does not match pattern %s", posn, kind, message, strings.Join(tried, " or "))
	}
}

// reportUnmatched reports the expectations left, sorted.
func (w wants) reportUnmatched(t Testing) {
	var left []string
	for k, expects := range w {
		for _, exp := range expects {
			left = append(left, fmt.Sprintf("%s:%d: no %s was reported matching %#q", k.file, k.line, exp.kind, exp.rx))
		}
	}
	sort.Strings(left)
	for _, msg := range left {
		t.Errorf("%s", msg)
	}
}

// parseWant parses what follows "want" in a comment: a line offset
// (+N), diagnostic patterns ("rx" or `rx`) and fact patterns (name:"rx").
func parseWant(text string) (lineDelta int, expects []expectation, err error) {
	var scanErr string
	sc := new(scanner.Scanner).Init(strings.NewReader(text))
	sc.Error = func(_ *scanner.Scanner, msg string) { scanErr = msg }
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts
	pattern := func(tok rune) (*regexp.Regexp, error) {
		if tok != scanner.String && tok != scanner.RawString {
			return nil, fmt.Errorf("got %s, want regular expression", scanner.TokenString(tok))
		}
		s, _ := strconv.Unquote(sc.TokenText()) // a scanned string literal unquotes
		return regexp.Compile(s)
	}
	for {
		switch tok := sc.Scan(); tok {
		case '+':
			if tok = sc.Scan(); tok != scanner.Int {
				return 0, nil, fmt.Errorf("got +%s, want +Int", scanner.TokenString(tok))
			}
			lineDelta, _ = strconv.Atoi(sc.TokenText())
		case scanner.String, scanner.RawString:
			rx, err := pattern(tok)
			if err != nil {
				return 0, nil, err
			}
			expects = append(expects, expectation{"diagnostic", "", rx})
		case scanner.Ident:
			name := sc.TokenText()
			if tok = sc.Scan(); tok != ':' {
				return 0, nil, fmt.Errorf("got %s after %s, want ':'", scanner.TokenString(tok), name)
			}
			rx, err := pattern(sc.Scan())
			if err != nil {
				return 0, nil, err
			}
			expects = append(expects, expectation{"fact", name, rx})
		case scanner.EOF:
			if scanErr != "" {
				return 0, nil, fmt.Errorf("%s", scanErr)
			}
			return lineDelta, expects, nil
		default:
			return 0, nil, fmt.Errorf("unexpected %s", scanner.TokenString(tok))
		}
	}
}

// sanitize returns filename relative to gopath/src, with slashes.
func sanitize(gopath, filename string) string {
	prefix := gopath + string(os.PathSeparator) + "src" + string(os.PathSeparator)
	return filepath.ToSlash(strings.TrimPrefix(filename, prefix))
}
