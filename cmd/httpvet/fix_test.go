package main

import (
	"io"
	"strings"
	"testing"

	"github.com/httpvet/httpvet/internal/fixes"
)

func TestUnifiedDiff(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	new := "a\nb\nc\nd\ne\nf\ng\nh\ni\nJ\n"
	want := "--- f.go (old)\n+++ f.go (new)\n@@ -7,4 +7,4 @@\n g\n h\n i\n-j\n+J\n"
	if got := unifiedDiff("f.go", old, new); got != want {
		t.Errorf("change at the end:\n%s\nwant:\n%s", got, want)
	}
	// Two changes far apart are two hunks, each with its context.
	old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"
	new = "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n"
	got := unifiedDiff("f.go", old, new)
	want = "--- f.go (old)\n+++ f.go (new)\n@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n@@ -10,3 +11,4 @@\n 10\n 11\n 12\n+13\n"
	if got != want {
		t.Errorf("two insertions:\n%s\nwant:\n%s", got, want)
	}
	if got := unifiedDiff("f.go", "x", "y"); got != "--- f.go (old)\n+++ f.go (new)\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of file\n" {
		t.Errorf("no final newline:\n%s", got)
	}
}

func TestConflicts(t *testing.T) {
	taken := []edit{{10, 20, "x"}, {30, 30, "import"}}
	for _, tc := range []struct {
		e    edit
		want bool
	}{
		{edit{15, 25, "y"}, true},       // overlaps
		{edit{20, 25, "y"}, false},      // adjacent
		{edit{10, 20, "x"}, false},      // the same edit
		{edit{30, 30, "import"}, false}, // the same insertion (an import two fixes add)
		{edit{30, 30, "other"}, true},   // two insertions at one place: order unknown
		{edit{5, 10, ""}, false},
	} {
		if got := conflicts(taken, []edit{tc.e}); got != tc.want {
			t.Errorf("conflicts(%v) = %v, want %v", tc.e, got, tc.want)
		}
	}
}

// A finding whose fixes are alternatives for the author (getbody's GET
// with a body: use POST, or drop the data) is left as it is: -fix applies
// neither.
func TestApplyFixesChooseFix(t *testing.T) {
	f := &finding{jsonFinding: jsonFinding{
		Message:  "GET request carries a body",
		Category: fixes.ChooseFix,
		SuggestedFixes: []jsonFix{
			{Message: "Use http.MethodPost", Edits: []jsonEdit{{Filename: "x.go", Start: 1, End: 2, New: "x"}}},
			{Message: "Send no body", Edits: []jsonEdit{{Filename: "x.go", Start: 3, End: 4, New: "y"}}},
		},
	}}
	run, err := applyFixes([]*finding{f}, false, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.left) != 1 || run.left[0].finding != f || !strings.Contains(run.left[0].why, "alternatives") || run.applied != 0 {
		t.Errorf("left = %+v, want the finding, left for the author to choose", run.left)
	}
}

// go vet -fix passes -fix to the tool before the .cfg file.
func TestFixMode(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-fix", "x.cfg"}, true},
		{[]string{"-fix=true", "-diff", "x.cfg"}, true},
		{[]string{"-fix=false", "x.cfg"}, false},
		{[]string{"-json", "x.cfg"}, false},
		{[]string{"x.cfg", "-fix"}, false},
	} {
		if got := boolFlag(tc.args, "fix"); got != tc.want {
			t.Errorf("boolFlag(%q, \"fix\") = %v, want %v", tc.args, got, tc.want)
		}
	}
}
