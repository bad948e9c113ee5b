package docs

import "testing"

func TestExtract(t *testing.T) {
	src := "// Package x does things.\n//\n// # Analyzer foo\n//\n// foo: reports bars\n//\n// More text.\npackage x\n"
	got := Extract(src, "foo")
	want := "foo: reports bars\n\nMore text."
	if got != want {
		t.Errorf("Extract = %q, want %q", got, want)
	}
	if got := Extract("// Package y.\npackage y\n", "foo"); got != "Package y." {
		t.Errorf("Extract without heading = %q", got)
	}
}
