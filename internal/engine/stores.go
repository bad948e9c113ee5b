package engine

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
)

// A Store is one place where the package puts a value into a field.
type Store struct {
	At     ast.Node // the *ast.AssignStmt or *ast.CompositeLit that stores it
	Value  ast.Expr // what is stored; nil where no expression is (a range's key or value)
	Result int      // which result of Value, a call with several (x.f, err = newThing())
}

// FieldStores returns every store of the package into the struct field f
// and whether they are all the stores there can be. They are not where
// code out of view may set f: a field of another package, an embedded
// field, an exported field of a struct type other packages can name, a
// field whose address is taken (&x.f), or one set through an unkeyed
// composite literal of a struct type the package does not declare at its
// top level. Reflection and unsafe are not considered.
func (idx *Index) FieldStores(f *types.Var) ([]Store, bool) {
	if f == nil || !f.IsField() || f.Pkg() != idx.pkg || f.Embedded() {
		return nil, false
	}
	idx.mu.Lock()
	defer idx.mu.Unlock()
	if e, ok := idx.fieldStores[f]; ok {
		return e.stores, e.complete
	}
	stores, complete := idx.computeFieldStores(f)
	sort.Slice(stores, func(i, j int) bool { return stores[i].At.Pos() < stores[j].At.Pos() })
	if idx.fieldStores == nil {
		idx.fieldStores = make(map[*types.Var]fieldStoresEntry)
	}
	idx.fieldStores[f] = fieldStoresEntry{stores, complete}
	return stores, complete
}

type fieldStoresEntry struct {
	stores   []Store
	complete bool
}

// computeFieldStores is FieldStores, uncached; idx.mu is held.
func (idx *Index) computeFieldStores(f *types.Var) ([]Store, bool) {
	idx.buildFieldOwners()
	owner := idx.fieldOwner[f]
	if f.Exported() && !idx.privateField[f] {
		return nil, false
	}
	var stores []Store
	for id, obj := range idx.info.Uses {
		if obj != f {
			continue
		}
		st, ok := idx.storeAt(id)
		if !ok {
			return nil, false
		}
		if st.At != nil {
			stores = append(stores, st)
		}
	}
	if owner == nil {
		// No top-level type declares f: its unkeyed literals are not indexed.
		return stores, false
	}
	for _, lit := range idx.unkeyedLits(owner) {
		for i, elt := range lit.Elts {
			if i < owner.NumFields() && owner.Field(i) == f {
				stores = append(stores, Store{At: lit, Value: elt})
			}
		}
	}
	return stores, true
}

// storeAt says what the use id of a field does: a store (Store.At set), a
// read (At nil), or ok=false where it lets the field be set out of view
// (its address is taken).
func (idx *Index) storeAt(id *ast.Ident) (Store, bool) {
	path := idx.Path(id.Pos(), id.End())
	if len(path) < 2 || path[0] != id {
		return Store{}, true
	}
	switch p := path[1].(type) {
	case *ast.KeyValueExpr: // T{f: v}
		if len(path) < 3 {
			return Store{}, true
		}
		if lit, ok := path[2].(*ast.CompositeLit); ok && p.Key == id {
			return Store{At: lit, Value: p.Value}, true
		}
		return Store{}, true
	case *ast.SelectorExpr:
		if p.Sel != id {
			return Store{}, true
		}
		return idx.storeOfSelector(p, path[2:])
	}
	return Store{}, true
}

// storeOfSelector classifies x.f from what encloses it (outer, innermost
// first).
func (idx *Index) storeOfSelector(sel *ast.SelectorExpr, outer []ast.Node) (Store, bool) {
	var n ast.Node = sel
	for _, o := range outer {
		if p, ok := o.(*ast.ParenExpr); ok {
			n = p
			continue
		}
		switch o := o.(type) {
		case *ast.UnaryExpr:
			return Store{}, o.Op != token.AND
		case *ast.AssignStmt:
			for i, lhs := range o.Lhs {
				if lhs != n {
					continue
				}
				switch {
				case o.Tok != token.ASSIGN && o.Tok != token.DEFINE:
					return Store{At: o}, true // x.f += …: an update, its value unknown
				case len(o.Lhs) == len(o.Rhs):
					return Store{At: o, Value: o.Rhs[i]}, true
				default:
					return Store{At: o, Value: o.Rhs[0], Result: i}, true
				}
			}
		case *ast.RangeStmt:
			if o.Key == n || o.Value == n {
				return Store{At: o}, true
			}
		}
		return Store{}, true
	}
	return Store{}, true
}

// buildFieldOwners maps the fields of the package's top-level struct
// types to their struct, and records in privateField the fields of
// unexported types (other packages cannot name them, so they cannot set
// even their exported fields). Called with mu held.
func (idx *Index) buildFieldOwners() {
	if idx.fieldOwner != nil {
		return
	}
	idx.fieldOwner = make(map[*types.Var]*types.Struct)
	idx.privateField = make(map[*types.Var]bool)
	scope := idx.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for i := range st.NumFields() {
			idx.fieldOwner[st.Field(i)] = st
			if !tn.Exported() {
				idx.privateField[st.Field(i)] = true
			}
		}
	}
}

// unkeyedLits returns the composite literals of struct type st without
// keys, from one walk of the package's files. Called with mu held.
func (idx *Index) unkeyedLits(st *types.Struct) []*ast.CompositeLit {
	if idx.unkeyed == nil {
		idx.unkeyed = make(map[*types.Struct][]*ast.CompositeLit)
		for _, f := range idx.files {
			ast.Inspect(f, func(n ast.Node) bool {
				lit, ok := n.(*ast.CompositeLit)
				if !ok || len(lit.Elts) == 0 {
					return true
				}
				if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
					return true
				}
				if t := idx.info.TypeOf(lit); t == nil {
					return true
				} else if t, ok := t.Underlying().(*types.Struct); ok {
					idx.unkeyed[t] = append(idx.unkeyed[t], lit)
				}
				return true
			})
		}
	}
	return idx.unkeyed[st]
}
