package engine

import (
	"go/ast"
	"go/types"
	"testing"
)

// TestLifetime: OncePerRun and CallsStream for each function of testdata
// package lifetime.
func TestLifetime(t *testing.T) {
	res := testdata.Run(t, Analyzer, "lifetime")
	idx := res[0].Result.(*Index)
	for _, tc := range []struct {
		name         string
		once, stream bool
	}{
		{"main", true, false},
		{"setup", true, false},
		{"perArg", false, false},
		{"nested", false, false},
		{"tick", false, true},
		{"fromTick", false, true},
		{"twice", false, false},
		{"handed", false, false},
		{"retried", false, true},
		{"serve", false, true},
		{"later", false, false},
		{"fromGo", false, false},
		{"handle", false, true},
		{"fromHandler", false, false},
	} {
		fn := idx.pkg.Scope().Lookup(tc.name).(*types.Func)
		decl := funcDecl(idx, fn)
		if got := idx.OncePerRun(fn); got != tc.once {
			t.Errorf("OncePerRun(%s) = %t, want %t", tc.name, got, tc.once)
		}
		if got := idx.CallsStream(decl); got != tc.stream {
			t.Errorf("CallsStream(%s) = %t, want %t", tc.name, got, tc.stream)
		}
	}
}

// funcDecl returns the declaration of fn.
func funcDecl(idx *Index, fn *types.Func) *ast.FuncDecl {
	for _, f := range idx.files {
		for _, d := range f.Decls {
			if d, ok := d.(*ast.FuncDecl); ok && idx.info.Defs[d.Name] == fn {
				return d
			}
		}
	}
	return nil
}
