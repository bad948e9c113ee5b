package engine

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"

	"golang.org/x/tools/go/cfg"
)

const viewSrc = `package p

func a() {
	x()
	die()
	y()
	fatal()
	z()
}

func b(c bool) {
	if c {
		die()
		x()
	} else {
		fatal()
	}
	for c {
		fatal()
		continue
	}
	y()
	return
	z()
}

func c(n int) {
L:
	die()
	switch n {
	case 1:
		fatal()
		fallthrough
	case 2:
		goto L
	}
	defer die()
	go fatal()
	func() { die() }()
	select {}
	x()
}
`

// callName returns the name of the function a call statement calls.
func callName(call *ast.CallExpr) string {
	if id, ok := call.Fun.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// reach describes a graph by what each top-level node reaches and whether
// it is live: the same for a view and for the graph cfg.New builds with
// the view's mayReturn, whatever their blocks.
func reach(fset *token.FileSet, blocks []*cfg.Block, succs func(*cfg.Block) []*cfg.Block, live func(*cfg.Block) bool) []string {
	var out []string
	name := func(n ast.Node) string {
		return fmt.Sprint(fset.Position(n.Pos()).Line, ":", fset.Position(n.Pos()).Column)
	}
	for _, b := range blocks {
		for i, n := range b.Nodes {
			var reached []string
			for _, m := range b.Nodes[i+1:] {
				reached = append(reached, name(m))
			}
			seen := make(map[*cfg.Block]bool)
			var walk func(*cfg.Block)
			walk = func(b *cfg.Block) {
				for _, s := range succs(b) {
					if !seen[s] {
						seen[s] = true
						for _, m := range s.Nodes {
							reached = append(reached, name(m))
						}
						walk(s)
					}
				}
			}
			walk(b)
			slices.Sort(reached)
			reached = slices.Compact(reached)
			out = append(out, fmt.Sprintf("%s live=%v reaches %v", name(n), live(b), reached))
		}
	}
	slices.Sort(out)
	return out
}

// TestView: a view of a graph cut at die() and fatal() calls is, path for
// path, the graph cfg.New builds with the view's narrower mayReturn.
func TestView(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", viewSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	full := func(call *ast.CallExpr) bool { n := callName(call); return n != "die" && n != "fatal" }
	for _, narrow := range []struct {
		name      string
		mayReturn func(*ast.CallExpr) bool
	}{
		{"all return", func(*ast.CallExpr) bool { return true }},
		{"die only", func(call *ast.CallExpr) bool { return callName(call) != "die" }},
		{"same", full},
	} {
		for _, d := range f.Decls {
			body := d.(*ast.FuncDecl).Body
			v := (&Graph{CFG: cfg.New(body, full)}).View(narrow.mayReturn)
			want := cfg.New(body, narrow.mayReturn)
			got := reach(fset, v.Blocks, v.Succs, v.Live)
			// The implicit return cfg.New adds to a live last block is
			// not in a view (see View): leave it out.
			for _, b := range want.Blocks {
				if k := len(b.Nodes); k > 0 {
					if r, ok := b.Nodes[k-1].(*ast.ReturnStmt); ok && r.Return == body.End()-1 && r.Results == nil {
						b.Nodes = b.Nodes[:k-1]
					}
				}
			}
			exp := reach(fset, want.Blocks, func(b *cfg.Block) []*cfg.Block { return b.Succs }, func(b *cfg.Block) bool { return b.Live })
			if !slices.Equal(got, exp) {
				t.Errorf("%s, %s:\n got %q\nwant %q", narrow.name, d.(*ast.FuncDecl).Name.Name, got, exp)
			}
			// Predecessors are the inverse of successors.
			for _, b := range v.Blocks {
				for _, s := range v.Succs(b) {
					if !slices.Contains(v.Preds(s), b) {
						t.Errorf("%s: block %d → %d has no matching predecessor", narrow.name, b.Index, s.Index)
					}
				}
			}
		}
	}
}
