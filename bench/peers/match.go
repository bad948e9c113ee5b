package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// A tally is one peer's row in one mode.
type tally struct {
	expected   int
	outOfScope int
	agree      int // reported on the expected line
	otherLine  int // reported on another line of the expected statement
	misses     []item
	extras     []item
	others     []item // agreements on another line, listed for review
	counted    []item // findings of a sample that expects as many or more
	errors     []string
	migrated   int // peer suppression comments rewritten to //httpvet:ignore
}

// An item is a miss, an extra or an agreement on another line, named by
// its place in the peer's module.
type item struct {
	where string // origin:line, or origin sample N for a counted sample
	text  string // the want pattern, or httpvet's message
	code  string // the source line
}

// compare matches httpvet's findings of analyzer against the peer's
// expectations, package by package. Under GOPATH gopath, a file of pkg p
// is gopath/src/p.path/f.name.
//
// The rule: a finding on a line a want comment marks agrees with it (one
// finding per want); a finding left over that lies within the statement
// of a want left over, or is about the same variable in the same
// function (see source.related), agrees on another line; the rest are
// misses and extras. gosec's samples expect a number for the whole sample: agree is
// the smaller of expected and found.
func compare(gopath string, p peer, pkgs []pkg, findings []finding) tally {
	var t tally
	byFile := map[string][]finding{}
	for _, f := range findings {
		if f.analyzer == p.analyzer {
			byFile[f.file] = append(byFile[f.file], f)
		}
	}
	known := map[string]bool{}
	for _, pk := range pkgs {
		var inPkg []finding
		for _, f := range pk.files {
			abs := filepath.Join(gopath, "src", filepath.FromSlash(pk.path), f.name)
			known[abs] = true
			if !pk.analyze {
				continue
			}
			t.outOfScope += f.outOfScope
			t.migrated += f.migrated
			if pk.counted {
				inPkg = append(inPkg, byFile[abs]...)
				continue
			}
			t.compareFile(f, byFile[abs])
		}
		if pk.counted {
			t.compareCount(pk, inPkg, p.concern)
		}
	}
	for name, fs := range byFile {
		if !known[name] {
			for _, f := range fs {
				t.extras = append(t.extras, item{where: fmt.Sprintf("%s:%d", name, f.line), text: f.message})
			}
		}
	}
	return t
}

// compareFile matches the findings in one file with its wants.
func (t *tally) compareFile(f file, found []finding) {
	t.expected += len(f.wants)
	used := make([]bool, len(found))
	var open []want
	for _, w := range f.wants {
		i := firstUnused(found, used, func(x finding) bool { return x.line == w.line })
		if i < 0 {
			open = append(open, w)
			continue
		}
		used[i] = true
		t.agree++
	}
	lines := strings.Split(string(f.src), "\n")
	src := parseSource(f.src)
	// A finding left over may stand for several wants on other lines:
	// httpvet reports a function value once, noctx each call of it.
	covers := make([]bool, len(found))
	for _, w := range open {
		i := firstUnused(found, used, func(x finding) bool { return src.related(w.line, x.line) })
		if i < 0 {
			t.misses = append(t.misses, f.item(w.line, w.pattern, lines))
			continue
		}
		covers[i] = true
		t.otherLine++
		x := found[i]
		t.others = append(t.others, f.item(x.line, fmt.Sprintf("%s (for line %d)", x.message, w.line+f.lineOffset), lines))
	}
	for i := range found {
		used[i] = used[i] || covers[i]
	}
	for i, x := range found {
		if !used[i] {
			t.extras = append(t.extras, f.item(x.line, x.message, lines))
		}
	}
}

// compareCount matches a counted sample: the findings about the peer's
// concern (all, if concern is nil) agree up to the expected number, the
// shortfall is missed, and the other findings are extras.
func (t *tally) compareCount(p pkg, found []finding, concern func(string) bool) {
	t.expected += p.count
	sort.Slice(found, func(i, j int) bool { return found[i].line < found[j].line })
	var about, other []finding
	for _, x := range found {
		if concern == nil || concern(x.message) {
			about = append(about, x)
		} else {
			other = append(other, x)
		}
	}
	t.agree += min(p.count, len(about))
	where := fmt.Sprintf("%s %s", p.files[0].origin, p.path)
	for range max(0, p.count-len(about)) {
		t.misses = append(t.misses, item{where: where, text: fmt.Sprintf("expects %d, httpvet reports %d about it", p.count, len(about))})
	}
	for i, x := range append(about, other...) {
		f := p.fileOf(x.file)
		it := f.item(x.line, x.message, strings.Split(string(f.src), "\n"))
		it.where += fmt.Sprintf(" (%s, expects %d)", p.path, p.count)
		if i < min(p.count, len(about)) {
			if len(found) > p.count {
				// Which of them the peer means is named by the concern
				// only: listed to read.
				t.counted = append(t.counted, it)
			}
		} else {
			t.extras = append(t.extras, it)
		}
	}
}

func (p pkg) fileOf(abs string) file {
	for _, f := range p.files {
		if filepath.Base(abs) == f.name {
			return f
		}
	}
	return p.files[0]
}

func (f file) item(line int, text string, lines []string) item {
	code := ""
	if line >= 1 && line <= len(lines) {
		code = strings.TrimSpace(lines[line-1])
	}
	return item{where: fmt.Sprintf("%s:%d", f.origin, line+f.lineOffset), text: text, code: code}
}

func firstUnused(found []finding, used []bool, ok func(finding) bool) int {
	for i, x := range found {
		if !used[i] && ok(x) {
			return i
		}
	}
	return -1
}
