package engine

import (
	"go/types"
	"testing"
)

// TestFieldStores: what FieldStores finds for each field of testdata
// package stores, and whether it says the stores are all there are.
func TestFieldStores(t *testing.T) {
	idx := runEngine(t)["stores"]
	field := func(typ, name string) *types.Var {
		obj, _, _ := types.LookupFieldOrMethod(idx.pkg.Scope().Lookup(typ).Type(), true, idx.pkg, name)
		return obj.(*types.Var)
	}
	for _, tc := range []struct {
		typ, field string
		stores     int
		complete   bool
	}{
		{"batch", "request", 3, true}, // b.request, err = …; batch{request: nil}; unkeyed
		{"batch", "tries", 3, true},   // &batch{tries: 3}; b.tries += 1; unkeyed
		{"batch", "Name", 2, true},
		{"batch", "taken", 0, false},
		{"batch", "pair", 1, true},
		{"Exported", "Req", 0, false},
		{"Exported", "hidden", 1, true},
	} {
		stores, complete := idx.FieldStores(field(tc.typ, tc.field))
		if len(stores) != tc.stores || complete != tc.complete {
			t.Errorf("%s.%s: %d stores, complete %t; want %d, %t", tc.typ, tc.field, len(stores), complete, tc.stores, tc.complete)
		}
	}
	stores, _ := idx.FieldStores(field("batch", "request"))
	if stores[0].Result != 0 || stores[0].Value == nil {
		t.Errorf("b.request, err = http.NewRequest(…): Result %d, Value %v; want 0 and the call", stores[0].Result, stores[0].Value)
	}
}
