package main

import (
	"slices"
	"strings"
	"testing"
)

func TestParsePosition(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want position
	}{
		{"/a/b.go:12:3", position{"/a/b.go", 12, 3}},
		{`C:\a\b.go:12:3`, position{`C:\a\b.go`, 12, 3}},
		{"/a/b.go:12", position{"/a/b.go", 12, 0}},
		{"/a/b.go", position{"/a/b.go", 0, 0}},
		{"-", position{"-", 0, 0}},
	} {
		if got := parsePosition(tc.in); got != tc.want {
			t.Errorf("parsePosition(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

// One-line errors with a position under go vet's "# package" headers lose
// the header and the tool's name; anything else is kept as it is.
func TestErrorLines(t *testing.T) {
	stderr := `# paren
httpvet: ./a.go:9:34: missing ',' before newline in argument list (and 9 more errors)
# crash
panic: boom

goroutine 1 [running]:
go: warning: "./x/..." matched no packages
# other
httpvet: package has no files: other
`
	want := []string{
		"./a.go:9:34: missing ',' before newline in argument list (and 9 more errors)",
		"# crash", "panic: boom", "", "goroutine 1 [running]:", `go: warning: "./x/..." matched no packages`,
		"# other", "httpvet: package has no files: other",
	}
	if got := errorLines(stderr); !slices.Equal(got, want) {
		t.Errorf("errorLines:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := errorLines(""); got != nil {
		t.Errorf("errorLines of nothing = %q", got)
	}
}

// go vet's stream: one tree per package; an analyzer's error instead of
// its findings; the same finding twice (two patterns) is kept once.
func TestDecode(t *testing.T) {
	stream := `{"p": {"getbody": [{"posn": "/p/b.go:2:1", "end": "/p/b.go:2:5", "message": "m2"},
	                   {"posn": "/p/a.go:9:1", "end": "/p/a.go:9:5", "message": "m1"}],
	        "timeouts": {"error": "boom"}}}
{"p": {"getbody": [{"posn": "/p/a.go:9:1", "end": "/p/a.go:9:5", "message": "m1"}]}}
`
	var res results
	if err := res.decode(strings.NewReader(stream)); err != nil {
		t.Fatal(err)
	}
	res.sort()
	if len(res.findings) != 2 || res.findings[0].Message != "m1" || res.findings[1].posn != (position{"/p/b.go", 2, 1}) {
		t.Errorf("findings %+v, want m1 at a.go:9 then m2 at b.go:2", res.findings)
	}
	if !res.failed || !slices.Equal(res.errors, []string{"httpvet: p: timeouts: boom"}) {
		t.Errorf("errors %q (failed %v), want timeouts' error", res.errors, res.failed)
	}
}

// The flags come before -json, where go vet's text mode puts -json: the
// go command's cache key is the tool's flags in order.
func TestVetArgs(t *testing.T) {
	v := &vetRun{exe: "/bin/httpvet", flags: []string{"-strict", "-bodyclose.tests=false"}, patterns: []string{"./..."}}
	want := []string{"vet", "-vettool=/bin/httpvet", "-strict", "-bodyclose.tests=false", "-json", "--", "./..."}
	if got := v.args(); !slices.Equal(got, want) {
		t.Errorf("args = %q, want %q", got, want)
	}
}
