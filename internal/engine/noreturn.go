package engine

import (
	"go/ast"
	"go/types"
	"strings"

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

// intrinsic reports whether fn is one of the standard library's
// functions known never to return, whatever their body says (or without
// one).
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
	}
	return false
}

// endsProcessByName reports whether fn, of a package whose bodies no
// driver analyzes (it reaches no net: see [NetPackage]), is named and
// shaped like the standard library's functions that end the process or
// the goroutine: Fatal…, Exit… or Panic, Panicf, Panicln, with no
// results (log.Fatal, os.Exit, log.Panic). A logging package that
// imports no net has no facts, so this is all that can be known of it;
// a wrong guess only ends a path too early, so an analyzer reports less.
func endsProcessByName(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() > 0 {
		return false
	}
	name := fn.Name()
	switch name {
	case "Panic", "Panicf", "Panicln":
		return true
	}
	return strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Exit")
}

// computeNoReturn records the functions of other packages known not to
// return (the facts of those it uses) and finds the package's own,
// exporting their facts. A declaration gets a graph only when its
// syntax shows no sure way to return (see syntaxMayReturn) and it uses
// such a function; the rounds repeat while new ones are found. Uses is
// read once, for the imported facts; the rounds read statements only.
func (idx *Index) computeNoReturn(pass *analysis.Pass) {
	// The facts of the functions the package uses, asked once each: under
	// go vet, AllObjectFacts reads every fact of every analyzer of every
	// dependency, for each package.
	checked := make(map[*types.Func]bool)
	analyzed := make(map[*types.Package]bool) // packages that carry NetPackage
	for _, obj := range pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == pass.Pkg {
			continue
		}
		fn = fn.Origin()
		if checked[fn] {
			continue
		}
		checked[fn] = true
		pkg := fn.Pkg()
		a, ok := analyzed[pkg]
		if !ok {
			a = pass.ImportPackageFact(pkg, new(NetPackage))
			analyzed[pkg] = a
		}
		if a && pass.ImportObjectFact(fn, new(noReturn)) || !a && endsProcessByName(fn) {
			idx.noReturn[fn] = true
		}
	}
	mayReturn := func(call *ast.CallExpr) bool { return !idx.NoReturn(call) }
	for found := true; found; {
		found = false
		for _, f := range idx.files {
			for _, d := range f.Decls {
				d, ok := d.(*ast.FuncDecl)
				if !ok || d.Body == nil {
					continue
				}
				obj, ok := pass.TypesInfo.Defs[d.Name].(*types.Func)
				if !ok || idx.noReturn[obj] {
					continue
				}
				if intrinsic(obj) || (!syntaxMayReturn(d.Body, mayReturn) && idx.usesNoReturn(d) && cfg.New(d.Body, mayReturn).NoReturn()) {
					idx.noReturn[obj] = true
					pass.ExportObjectFact(obj, new(noReturn))
					found = true
				}
			}
		}
	}
}

// usesNoReturn reports whether an identifier in d refers to a function
// known not to return: only then is d's graph built, so that a function
// that never returns only because it loops forever is not marked.
func (idx *Index) usesNoReturn(d *ast.FuncDecl) bool {
	uses := false
	ast.Inspect(d, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && !uses {
			switch obj := idx.info.Uses[id].(type) {
			case *types.Builtin:
				uses = obj == panicBuiltin
			case *types.Func:
				uses = idx.FuncNoReturn(obj)
			}
		}
		return !uses
	})
	return uses
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
