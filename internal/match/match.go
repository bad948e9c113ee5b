// Package match holds the type and call matching that every httpvet
// analyzer shares: "is this *net/http.Response", "is this call
// (*net/http.Client).Do". Types are matched by package path and name
// after types.Unalias, never by their printed form.
package match

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// NetHTTP is the import path of the net/http package.
const NetHTTP = "net/http"

// Named returns the package path and name of the named type t
// (after unaliasing), or "", "" if t is not a named type.
func Named(t types.Type) (pkgPath, name string) {
	if t == nil {
		return "", ""
	}
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		obj := t.Obj()
		if obj.Pkg() == nil {
			return "", obj.Name() // e.g. error
		}
		return obj.Pkg().Path(), obj.Name()
	}
	return "", ""
}

// IsNamed reports whether t is the named type pkgPath.name for one of names.
func IsNamed(t types.Type, pkgPath string, names ...string) bool {
	p, n := Named(t)
	if p != pkgPath || n == "" {
		return false
	}
	for _, name := range names {
		if n == name {
			return true
		}
	}
	return false
}

// IsPointerTo reports whether t is *pkgPath.name.
func IsPointerTo(t types.Type, pkgPath, name string) bool {
	if t == nil {
		return false
	}
	ptr, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(ptr.Elem(), pkgPath, name)
}

// IsNamedOrPointer reports whether t is pkgPath.name or *pkgPath.name.
func IsNamedOrPointer(t types.Type, pkgPath, name string) bool {
	return IsNamed(t, pkgPath, name) || IsPointerTo(t, pkgPath, name)
}

// Deref returns what t points to when t is a pointer, else t.
func Deref(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// DerefUnderlying returns the underlying type of Deref(t) (the struct a
// value or pointer of t holds), or nil for nil.
func DerefUnderlying(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	return Deref(t).Underlying()
}

// MethodSig returns the signature of the exported method name of t (or
// of *t), or nil when it has none.
func MethodSig(t types.Type, name string) *types.Signature {
	if t == nil {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig
}

// IsResponse reports whether t is exactly *net/http.Response.
func IsResponse(t types.Type) bool { return IsPointerTo(t, NetHTTP, "Response") }

// IsRequest reports whether t is exactly *net/http.Request.
func IsRequest(t types.Type) bool { return IsPointerTo(t, NetHTTP, "Request") }

// Callee returns the function or method statically or dynamically
// (interface method) called by call, or nil for calls of function values,
// builtins and conversions. For instantiated generic functions it returns
// the generic origin.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn != nil {
		fn = fn.Origin()
	}
	return fn
}

// IsFunc reports whether obj is the package-level function pkgPath.name
// for one of names.
func IsFunc(obj types.Object, pkgPath string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	for _, name := range names {
		if fn.Name() == name {
			return true
		}
	}
	return false
}

// IsMethod reports whether obj is a method named one of names declared on
// the named type pkgPath.recv (value or pointer receiver). Interface
// methods match when recv names the interface type.
func IsMethod(obj types.Object, pkgPath, recv string, names ...string) bool {
	fn, ok := obj.(*types.Func)
	if !ok || fn == nil {
		return false
	}
	match := false
	for _, name := range names {
		if fn.Name() == name {
			match = true
			break
		}
	}
	if !match {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	return IsNamed(Deref(sig.Recv().Type()), pkgPath, recv)
}

// Imports reports whether pkg imports path directly.
func Imports(pkg *types.Package, path string) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == path {
			return true
		}
	}
	return false
}

// ImportsOrIs reports whether pkg is path or imports it directly: the
// fast exit of analyzers that look only at uses of one package.
func ImportsOrIs(pkg *types.Package, path string) bool {
	return pkg.Path() == path || Imports(pkg, path)
}

// ObjectOf returns the object denoted by the identifier e (after removing
// parentheses), or nil if e is not an identifier.
func ObjectOf(info *types.Info, e ast.Expr) types.Object {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	return info.ObjectOf(id)
}

// IsPackageLevelVar reports whether e denotes the package-level variable
// pkgPath.name (e.g. net/http.DefaultClient).
func IsPackageLevelVar(info *types.Info, e ast.Expr, pkgPath, name string) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == pkgPath && v.Name() == name &&
		v.Parent() == v.Pkg().Scope()
}

// IsNil reports whether e is the predeclared nil (possibly converted).
func IsNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// ConstString returns the value of e if it is a constant string.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
