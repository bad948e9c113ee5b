package engine

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"github.com/httpvet/httpvet/internal/match"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// callsRepeatedly is the fact on a function that may call one of its
// function parameters more than once: a retry or polling helper
// (Retry(op func() error)). Params are indices in the signature's
// parameters, the receiver excluded.
type callsRepeatedly struct {
	Params []int
}

func (*callsRepeatedly) AFact() {}

func (f *callsRepeatedly) String() string { return fmt.Sprintf("callsRepeatedly%v", f.Params) }

// CallsRepeatedly reports whether fn, of this package or another, may
// call its parameter i (a function) more than once: it calls it inside a
// for or range loop of its body, or hands it to a function that does.
// Goto loops and calls through a variable the parameter was copied to
// are not seen.
func (idx *Index) CallsRepeatedly(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	return slices.Contains(idx.repeats[fn], i)
}

// computeRepeats finds the package's functions that call a function
// parameter repeatedly, after reading the facts of those it uses, and
// exports their facts; rounds repeat while a wrapper of a new one is
// found.
func (idx *Index) computeRepeats(pass *analysis.Pass) {
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg || !hasFuncParam(fn) {
			continue
		}
		fn = fn.Origin()
		if _, done := idx.repeats[fn]; done {
			continue
		}
		var f callsRepeatedly
		if pass.ImportObjectFact(fn, &f) {
			idx.repeats[fn] = f.Params
		} else {
			idx.repeats[fn] = nil
		}
	}
	var decls []*ast.FuncDecl
	for _, f := range idx.files {
		for _, d := range f.Decls {
			if d, ok := d.(*ast.FuncDecl); ok && d.Body != nil {
				if obj, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok && hasFuncParam(obj) {
					decls = append(decls, d)
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			obj := pass.TypesInfo.Defs[d.Name].(*types.Func)
			params := idx.repeatedParams(obj, d)
			if len(params) > len(idx.repeats[obj]) {
				idx.repeats[obj] = params
				changed = true
			}
		}
	}
	for _, d := range decls {
		obj := pass.TypesInfo.Defs[d.Name].(*types.Func)
		if params := idx.repeats[obj]; len(params) > 0 {
			pass.ExportObjectFact(obj, &callsRepeatedly{Params: params})
		}
	}
}

// hasFuncParam reports whether fn has a parameter of function type.
func hasFuncParam(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if _, ok := sig.Params().At(i).Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}

// repeatedParams returns the function parameters of fn that its body d
// calls inside a loop or inside a function literal that a helper calls
// repeatedly, or passes to a function that calls them repeatedly, in
// order.
func (idx *Index) repeatedParams(fn *types.Func, d *ast.FuncDecl) []int {
	sig := fn.Type().(*types.Signature)
	index := make(map[types.Object]int)
	for i := 0; i < sig.Params().Len(); i++ {
		index[sig.Params().At(i)] = i
	}
	var params []int
	add := func(e ast.Expr) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return
		}
		if i, ok := index[idx.info.Uses[id]]; ok && !slices.Contains(params, i) {
			params = append(params, i)
		}
	}
	var walk func(n ast.Node, inLoop bool)
	walk = func(n ast.Node, inLoop bool) {
		ast.Inspect(n, func(m ast.Node) bool {
			switch m := m.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				if m.Init != nil {
					walk(m.Init, inLoop)
				}
				if m.Cond != nil {
					walk(m.Cond, true)
				}
				if m.Post != nil {
					walk(m.Post, true)
				}
				walk(m.Body, true)
				return false
			case *ast.RangeStmt:
				walk(m.X, inLoop)
				walk(m.Body, true)
				return false
			case *ast.CallExpr:
				if inLoop {
					add(m.Fun)
				}
				callee, _ := typeutil.Callee(idx.info, m).(*types.Func)
				for i, a := range m.Args {
					if callee == nil || !idx.CallsRepeatedly(callee, i) {
						continue
					}
					if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok {
						walk(lit.Body, true) // Do(3, func() error { return op() })
					} else {
						add(a)
					}
				}
			}
			return true
		})
	}
	walk(d.Body, false)
	slices.Sort(params)
	return params
}

// Retried reports whether lit is handed, as an argument, to a parameter
// its callee calls repeatedly (a retry helper's operation): what lit
// returns on a failed attempt is dropped when the helper calls it again.
func (idx *Index) Retried(lit *ast.FuncLit) bool {
	call, i := idx.argumentOf(lit)
	return call != nil && idx.CallsRepeatedly(match.Callee(idx.info, call), i)
}
