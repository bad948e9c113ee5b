package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/httpvet/httpvet/bench/internal/vetrun"
)

// fixCopy applies the mode's fixes to a fresh copy of the module and
// checks what the fixes must never do: break the build (tests included),
// add a go vet finding, leave a file they touched not gofmt-clean, or
// change anything on a second -fix.
func fixCopy(md *mode, dir string, t tools, work, name string, log *bytes.Buffer) {
	md.Builds, md.Vets, md.Gofmt, md.Idempotent = "–", "–", "–", "–"
	if md.Fixable == 0 {
		return
	}
	cp := filepath.Join(work, "fix-"+name+"-"+md.Name)
	check(copyTree(dir, cp))
	defer os.RemoveAll(cp)
	args := append(append([]string{"-fix"}, md.Flags...), "./...")
	// fix runs httpvet -fix on the copy, counts and logs a crash, and
	// returns the files it changed.
	fix := func(which string) []string {
		before := snapshot(cp)
		r := vetrun.Timed(cp, moduleEnv, t.httpvet, args...)
		if r.Panicked() {
			md.Panics++
			fmt.Fprintf(log, "%s: %shttpvet -fix crashed:\n%s\n", md.Name, which, vetrun.Tail(r.Stderr))
		}
		return changed(before, snapshot(cp))
	}
	fixed := fix("")
	md.FilesFixed = len(fixed)
	if len(fixed) == 0 {
		return
	}
	md.Builds = yesNo(buildsWithTests(cp, log, md.Name))
	md.Vets = yesNo(vetsAsBefore(dir, cp, log, md.Name))
	md.Gofmt = yesNo(gofmtClean(dir, cp, fixed, log, md.Name))

	again := fix("second ")
	md.Idempotent = yesNo(len(again) == 0)
	if len(again) > 0 {
		fmt.Fprintf(log, "%s: a second -fix changed %v\n", md.Name, again)
	}
}

// buildsWithTests compiles every package and its tests without running
// them (and without go test's vet checks, which vetsAsBefore judges).
func buildsWithTests(cp string, log *bytes.Buffer, mode string) bool {
	b := vetrun.Timed(cp, moduleEnv, "go", "test", "-vet=off", "-count=1", "-run=^$", "./...")
	if b.RC != 0 {
		fmt.Fprintf(log, "%s: go test -run=^$ after -fix:\n%s\n", mode, vetrun.Tail(b.Stderr))
	}
	return b.RC == 0
}

// vetsAsBefore reports whether go vet finds nothing in the fixed copy it
// did not find in the original (the module's own vet findings aside),
// comparing findings by file and message, since fixes move lines.
func vetsAsBefore(orig, cp string, log *bytes.Buffer, mode string) bool {
	after := vetrun.Timed(cp, moduleEnv, "go", "vet", "./...")
	if after.RC == 0 {
		return true
	}
	before := vetrun.Timed(orig, moduleEnv, "go", "vet", "./...")
	had := vetLines(before.Stderr)
	var added []string
	for _, l := range vetLines(after.Stderr) {
		if i := slices.Index(had, l); i >= 0 {
			had = slices.Delete(had, i, i+1)
		} else {
			added = append(added, l)
		}
	}
	if len(added) > 0 {
		fmt.Fprintf(log, "%s: go vet after -fix reports what it did not before:\n%s\n", mode, strings.Join(added, "\n"))
	}
	return len(added) == 0
}

var lineCol = regexp.MustCompile(`:\d+(:\d+)?: `)

// vetLines are go vet's findings and errors without their line numbers.
func vetLines(stderr []byte) []string {
	var ls []string
	for _, l := range strings.Split(string(stderr), "\n") {
		if strings.Contains(l, ".go:") {
			ls = append(ls, lineCol.ReplaceAllString(l, ": "))
		}
	}
	return ls
}

// gofmtClean reports whether every file the fixes touched is gofmt-clean,
// or was not before them either.
func gofmtClean(orig, cp string, fixed []string, log *bytes.Buffer, mode string) bool {
	unclean := func(root string) map[string]bool {
		args := []string{"-l"}
		for _, f := range fixed {
			args = append(args, filepath.Join(root, f))
		}
		out := vetrun.Timed(root, nil, "gofmt", args...).Stdout
		set := make(map[string]bool)
		for _, f := range strings.Fields(string(out)) {
			rel, _ := filepath.Rel(root, f)
			set[rel] = true
		}
		return set
	}
	was := unclean(orig)
	ok := true
	for f := range unclean(cp) {
		if !was[f] {
			ok = false
			fmt.Fprintf(log, "%s: not gofmt-clean after -fix: %s\n", mode, f)
		}
	}
	return ok
}

// snapshot hashes every Go file under root.
func snapshot(root string) map[string][32]byte {
	files := make(map[string][32]byte)
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		if data, err := os.ReadFile(p); err == nil {
			rel, _ := filepath.Rel(root, p)
			files[rel] = sha256.Sum256(data)
		}
		return nil
	})
	return files
}

// changed lists the files that differ between two snapshots.
func changed(a, b map[string][32]byte) []string {
	var out []string
	for f, h := range b {
		if a[f] != h {
			out = append(out, f)
		}
	}
	for f := range a {
		if _, ok := b[f]; !ok {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

func yesNo(ok bool) string {
	if ok {
		return "yes"
	}
	return "NO"
}
