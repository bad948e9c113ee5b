package engine

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/tools/go/cfg"
)

const builtSrc = `package p

func d(c bool) {
	x()
	die()
}

func e(c bool) {
	if c {
		die()
	} else {
		fatal()
	}
}

func f(c bool) {
	for {
		select {
		case <-ch:
			die()
		}
		fatal()
	}
}

func g() {
	goto M
	die()
}

func h() {
	defer x()
	die()
	fatal()
	x()
	fatal()
}
`

// sameGraph describes how got differs from want, block for block, or "".
func sameGraph(got, want *cfg.CFG) string {
	if len(got.Blocks) != len(want.Blocks) {
		return fmt.Sprintf("%d blocks, want %d", len(got.Blocks), len(want.Blocks))
	}
	for i, w := range want.Blocks {
		g := got.Blocks[i]
		if g.Index != w.Index || g.Kind != w.Kind || g.Stmt != w.Stmt || g.Live != w.Live {
			return fmt.Sprintf("block %d: %v %v live=%v, want %v %v live=%v", i, g.Kind, g.Stmt, g.Live, w.Kind, w.Stmt, w.Live)
		}
		if len(g.Nodes) != len(w.Nodes) {
			return fmt.Sprintf("block %d: %d nodes, want %d", i, len(g.Nodes), len(w.Nodes))
		}
		for j, wn := range w.Nodes {
			gn := g.Nodes[j]
			if gn == wn {
				continue
			}
			gr, ok1 := gn.(*ast.ReturnStmt)
			wr, ok2 := wn.(*ast.ReturnStmt)
			if ok1 && ok2 && gr.Return == wr.Return && gr.Results == nil && wr.Results == nil {
				continue // the implicit return, a node of its own in each graph
			}
			return fmt.Sprintf("block %d node %d: %T, want %T", i, j, gn, wn)
		}
		if len(g.Succs) != len(w.Succs) {
			return fmt.Sprintf("block %d: %d succs, want %d", i, len(g.Succs), len(w.Succs))
		}
		for j, s := range w.Succs {
			if g.Succs[j].Index != s.Index {
				return fmt.Sprintf("block %d succ %d: %d, want %d", i, j, g.Succs[j].Index, s.Index)
			}
		}
	}
	return ""
}

// graphOf indexes g as Func.CFG does.
func graphOf(g *cfg.CFG) *Graph {
	gr := &Graph{CFG: g, preds: make([][]*cfg.Block, len(g.Blocks)), where: make(map[ast.Node]nodeRef)}
	for _, b := range g.Blocks {
		for _, s := range b.Succs {
			gr.preds[s.Index] = append(gr.preds[s.Index], b)
		}
		for i, n := range b.Nodes {
			gr.where[n] = nodeRef{b, i}
		}
	}
	return gr
}

func checkBuilt(t *testing.T, fset *token.FileSet, f *ast.File, full func(*ast.CallExpr) bool, narrows map[string]func(*ast.CallExpr) bool) (funcs, rebuilt int) {
	ast.Inspect(f, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			body = n.Body
		case *ast.FuncLit:
			body = n.Body
		}
		if body == nil {
			return true
		}
		funcs++
		for name, narrow := range narrows {
			g := graphOf(cfg.New(body, full))
			built := g.View(narrow).Built()
			if built != g.CFG {
				rebuilt++
			}
			if diff := sameGraph(built, cfg.New(body, narrow)); diff != "" {
				t.Errorf("%s, func at %s: %s", name, fset.Position(body.Pos()), diff)
			}
		}
		return true
	})
	return funcs, rebuilt
}

// TestBuilt: a view's Built graph is the graph cfg.New builds with the
// view's mayReturn, block for block, implicit return included.
func TestBuilt(t *testing.T) {
	fset := token.NewFileSet()
	narrows := map[string]func(*ast.CallExpr) bool{
		"all return": func(*ast.CallExpr) bool { return true },
		"die only":   func(call *ast.CallExpr) bool { return callName(call) != "die" },
	}
	full := func(call *ast.CallExpr) bool { n := callName(call); return n != "die" && n != "fatal" }
	for i, src := range []string{viewSrc, builtSrc} {
		f, err := parser.ParseFile(fset, fmt.Sprint(i, ".go"), src, 0)
		if err != nil {
			t.Fatal(err)
		}
		checkBuilt(t, fset, f, full, narrows)
	}
}

// TestBuiltStd compares Built with cfg.New on the functions of net/http
// and its neighbours, cutting paths at calls by name.
func TestBuiltStd(t *testing.T) {
	if testing.Short() {
		t.Skip("parses GOROOT sources")
	}
	name := func(call *ast.CallExpr) string {
		switch f := ast.Unparen(call.Fun).(type) {
		case *ast.Ident:
			return f.Name
		case *ast.SelectorExpr:
			return f.Sel.Name
		}
		return ""
	}
	cutFull := map[string]bool{"panic": true, "Fatal": true, "Fatalf": true, "Exit": true, "Close": true, "Errorf": true, "Unlock": true, "throw": true}
	full := func(call *ast.CallExpr) bool { return !cutFull[name(call)] }
	narrows := map[string]func(*ast.CallExpr) bool{
		"all return": func(*ast.CallExpr) bool { return true },
		"panic only": func(call *ast.CallExpr) bool { return name(call) != "panic" },
		"no Close": func(call *ast.CallExpr) bool {
			return name(call) != "panic" && name(call) != "Fatal" && name(call) != "Errorf"
		},
	}
	var funcs, rebuilt int
	for _, dir := range []string{"net/http", "net/http/httputil", "net", "os/exec", "testing"} {
		files, _ := filepath.Glob(filepath.Join(runtime.GOROOT(), "src", dir, "*.go"))
		for _, path := range files {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, src, 0)
			if err != nil {
				if strings.Contains(err.Error(), "build") {
					continue
				}
				t.Fatal(err)
			}
			n, r := checkBuilt(t, fset, f, full, narrows)
			funcs += n
			rebuilt += r
		}
	}
	t.Logf("%d functions, %d graphs rebuilt", funcs, rebuilt)
	if funcs == 0 || rebuilt == 0 {
		t.Errorf("no functions (%d) or no rebuilt graphs (%d): the test tests nothing", funcs, rebuilt)
	}
}
