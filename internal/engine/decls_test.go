package engine

import (
	"go/types"
	"slices"
	"testing"
)

// TestDecls: whole declarations, package-level ones included, in source
// order, each once; imports never.
func TestDecls(t *testing.T) {
	idx := runEngine(t)["uses"]
	var got []string
	for _, d := range idx.Decls(func(obj types.Object) bool {
		return obj.Pkg() != nil && obj.Pkg().Path() == "net/http"
	}) {
		got = append(got, declName(d))
	}
	want := []string{"client", "get", "lit", "viaSig", "field", "handler"}
	if !slices.Equal(got, want) {
		t.Errorf("Decls(net/http) = %v, want %v", got, want)
	}
	got = got[:0]
	for _, d := range idx.Decls(func(obj types.Object) bool { return obj.Name() == "plain" }) {
		got = append(got, declName(d))
	}
	if want := []string{"plain", "noHTTP"}; !slices.Equal(got, want) {
		t.Errorf("Decls(plain) = %v, want %v", got, want)
	}
}
