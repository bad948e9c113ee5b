package retrybody

import (
	"go/ast"
	"go/types"
)

// A request kept in a field of the package's own struct type (h.req,
// b.request) and sent by a method that does not set it: it is whatever
// the package stores there. When the engine sees every store of the
// field (engine.Index.FieldStores: the field is the package's alone and
// its address is not taken), and one of them gives the request a body,
// the request may have one; the loop that re-sends it is then checked as
// a local request's would be.

// fieldRequests fills d, the paths back from send s that reached the
// function's entry without touching the request, with the bodies of the
// requests the package stores into the field s sends, and reports whether
// the field is one whose every store is in view.
func (c *checker) fieldRequests(d *defs, s send) bool {
	if s.sub != "" {
		return false
	}
	sel, ok := ast.Unparen(sharedCopy(c.info, s.arg)).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	selection, ok := c.info.Selections[sel]
	if !ok || selection.Kind() != types.FieldVal {
		return false
	}
	field, _ := selection.Obj().(*types.Var)
	stores, complete := c.idx.FieldStores(field)
	if !complete {
		return false
	}
	d.rewindable = true // until a stored body is not
	for _, st := range stores {
		if st.Value == nil || st.Result != 0 {
			continue
		}
		fn := c.idx.Enclosing(st.At.Pos())
		if fn == nil {
			continue // a package-level initializer
		}
		stored := defs{rewindable: true, g: fn.CFG()}
		c.storedRequest(&stored, st.At, st.Value)
		if !stored.body {
			continue
		}
		d.body = true
		d.rewindable = d.rewindable && stored.rewindable
		d.built = append(d.built, stored.built...)
	}
	if !d.body {
		d.rewindable = false
	}
	return true
}

// storedRequest records in d the body of the request e stored at node
// at: one built there (NewRequest, a literal, a builder with the
// requestBody fact), or a local variable of the storing function, by what
// reaches the store.
func (c *checker) storedRequest(d *defs, at ast.Node, e ast.Expr) {
	k, ok := keyOf(c.info, e)
	if !ok || k.path != "" || d.g == nil {
		c.request(d, at, e)
		return
	}
	b, i, ok := d.g.Locate(at)
	if !ok {
		return
	}
	local := c.defsOf(d.g, b, i, k, nil)
	if local.entry {
		return // a parameter, or a variable set out of view: unknown
	}
	d.body, d.rewindable, d.built = local.body, local.rewindable, local.built
}
