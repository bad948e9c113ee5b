package engine

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/httpvet/httpvet/internal/match"
)

// noReturn is the fact on a function or method that never returns to its
// caller: every path through it ends in a call that does not return.
type noReturn struct{}

func (*noReturn) AFact() {}

func (*noReturn) String() string { return "noReturn" }

var panicBuiltin = types.Universe.Lookup("panic")

// intrinsic reports whether fn is one of the functions known never to
// return, whatever their body says (or without one).
func intrinsic(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case "os", "syscall":
		return match.IsFunc(fn, fn.Pkg().Path(), "Exit")
	case "runtime":
		return match.IsFunc(fn, "runtime", "Goexit")
	case "log":
		names := []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}
		return match.IsFunc(fn, "log", names...) || match.IsMethod(fn, "log", "Logger", names...)
	case "testing":
		names := []string{"FailNow", "Fatal", "Fatalf", "SkipNow", "Skip", "Skipf"}
		for _, recv := range []string{"common", "T", "B", "F", "TB"} {
			if match.IsMethod(fn, "testing", recv, names...) {
				return true
			}
		}
	case "github.com/sirupsen/logrus":
		// Loggers that import no net: under go vet their facts are not
		// computed (see NetPackage), so they are known here by name.
		names := []string{"Fatal", "Fatalf", "Fatalln", "Exit"}
		return match.IsFunc(fn, fn.Pkg().Path(), names...) ||
			match.IsMethod(fn, fn.Pkg().Path(), "Logger", names...) ||
			match.IsMethod(fn, fn.Pkg().Path(), "Entry", names[:3]...)
	case "github.com/golang/glog":
		return match.IsFunc(fn, fn.Pkg().Path(), "Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln")
	case "k8s.io/klog", "k8s.io/klog/v2":
		return match.IsFunc(fn, fn.Pkg().Path(), "Exit", "ExitDepth", "Exitf", "Exitln", "Fatal", "FatalDepth", "Fatalf", "Fatalln")
	}
	return false
}

// computeNoReturn finds the functions used in the package that never
// return (intrinsics, imported facts) and the package's own, exporting
// their facts. Only the declarations that call such a function get a
// graph, round after round until no new one is found, and only when its
// syntax does not already show a path that returns (most do).
func (idx *Index) computeNoReturn(pass *analysis.Pass) {
	// No memo of the answers: a map of every function the package uses
	// cost more than asking again (a switch on the path, a fact lookup).
	isNoReturn := func(obj types.Object) bool {
		switch obj := obj.(type) {
		case *types.Builtin:
			return obj == panicBuiltin
		case *types.Func:
			fn := obj.Origin()
			if intrinsic(fn) || (fn.Pkg() != pass.Pkg && pass.ImportObjectFact(fn, new(noReturn))) {
				idx.noReturn[fn] = true
				return true
			}
		}
		return false
	}
	// Round 0: declarations that use a function known not to return.
	candidates := make(map[*ast.FuncDecl]bool)
	addUse := func(id *ast.Ident) {
		f := idx.file(id.Pos())
		if f == nil {
			return
		}
		if d, ok := decl(f, id.Pos()).(*ast.FuncDecl); ok && d.Body != nil {
			candidates[d] = true
		}
	}
	for id, obj := range pass.TypesInfo.Uses {
		if isNoReturn(obj) {
			addUse(id)
		}
	}
	mayReturn := func(call *ast.CallExpr) bool { return !idx.NoReturn(call) }
	for len(candidates) > 0 {
		found := make(map[types.Object]bool)
		for d := range candidates {
			obj, ok := pass.TypesInfo.Defs[d.Name].(*types.Func)
			if !ok || idx.noReturn[obj] {
				continue
			}
			if intrinsic(obj) || (!syntaxMayReturn(d.Body, mayReturn) && cfg.New(d.Body, mayReturn).NoReturn()) {
				idx.noReturn[obj] = true
				pass.ExportObjectFact(obj, new(noReturn))
				found[obj] = true
			}
		}
		candidates = make(map[*ast.FuncDecl]bool)
		if len(found) == 0 {
			break
		}
		// The next round: declarations that call a function just found.
		for id, obj := range pass.TypesInfo.Uses {
			if fn, ok := obj.(*types.Func); ok && found[fn.Origin()] {
				addUse(id)
			}
		}
	}
}

// NoReturn reports whether call never returns: panic, a function known
// not to return (see the package doc), or one carrying the noReturn fact,
// from this package or another.
func (idx *Index) NoReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && idx.info.Uses[id] == panicBuiltin {
		return true
	}
	fn, _ := typeutil.Callee(idx.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	return idx.noReturn[fn] || intrinsic(fn)
}

// FuncNoReturn reports whether fn (of this package or one it uses) is
// known never to return.
func (idx *Index) FuncNoReturn(fn *types.Func) bool {
	return fn != nil && (idx.noReturn[fn.Origin()] || intrinsic(fn.Origin()))
}
