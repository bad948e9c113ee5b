package deadlineconn

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// returnsDeadline is the fact on a function that returns a connection on
// which it set an absolute deadline that it did not clear.
type returnsDeadline struct{}

func (*returnsDeadline) AFact()         {}
func (*returnsDeadline) String() string { return "returnsDeadline" }

// setsDeadline is the fact on a function that sets an absolute deadline
// on its connection parameter number Param, and neither clears it nor
// closes the connection; Returns says it also returns that connection
// (return arm(conn, d), nil).
type setsDeadline struct {
	Param   int
	Returns bool
}

func (*setsDeadline) AFact() {}
func (f *setsDeadline) String() string {
	if f.Returns {
		return fmt.Sprintf("setsDeadline(#%d) and returns it", f.Param)
	}
	return fmt.Sprintf("setsDeadline(#%d)", f.Param)
}

// returnsDialer is the fact on a factory whose result is a dial func that
// sets an absolute deadline on the connection it returns: Call is what
// sets it (SetDeadline, a helper) at At (file:line), empty if unknown.
type returnsDialer struct {
	Call string
	At   string
}

func (*returnsDialer) AFact() {}
func (f *returnsDialer) String() string {
	if f.At == "" {
		return fmt.Sprintf("returnsDialer(%s)", f.Call)
	}
	return fmt.Sprintf("returnsDialer(%s at %s)", f.Call, f.At)
}

// exportFacts computes the facts of the package's functions that take or
// return a connection, or return a dial func:
//
//   - returnsDialer: a factory whose returned dial func sets a deadline;
//   - setsDeadline: a helper that sets a deadline on its connection
//     parameter (and maybe returns it) without clearing it or closing it;
//   - returnsDeadline: a function that returns a connection of its own
//     with a deadline.
//
// It iterates until no new fact appears, so that helpers calling helpers
// in the same package are found whatever their order.
func (c *checker) exportFacts() {
	info := c.pass.TypesInfo
	type cand struct {
		fn   *types.Func
		decl *ast.FuncDecl
	}
	var cands []cand
	// The candidates are chosen by their signature: no body is walked.
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			sig, ok := fn.Type().(*types.Signature)
			if !ok {
				continue
			}
			interesting := sig.Results().Len() > 0 && (connLike(sig.Results().At(0).Type()) || dialFunc(sig.Results().At(0).Type()))
			for i := range sig.Params().Len() {
				interesting = interesting || connLike(sig.Params().At(i).Type())
			}
			if interesting {
				cands = append(cands, cand{fn, fd})
				c.decls[fn] = fd
			}
		}
	}
	done := make(map[*types.Func]bool)
	for changed, rounds := true, 0; changed && rounds <= len(cands); rounds++ {
		changed = false
		for _, cd := range cands {
			if done[cd.fn] {
				continue
			}
			if fact := c.factoryFact(cd.decl); fact != nil {
				c.pass.ExportObjectFact(cd.fn, fact)
				done[cd.fn], changed = true, true
				continue
			}
			sig := cd.fn.Type().(*types.Signature)
			returnsConn := sig.Results().Len() > 0 && connLike(sig.Results().At(0).Type())
			for i := range sig.Params().Len() {
				p := sig.Params().At(i)
				if !connLike(p.Type()) || !c.setsOnParam(cd.decl, p) {
					continue
				}
				returns := returnsConn && c.returnedVars(cd.decl.Body)[p]
				c.pass.ExportObjectFact(cd.fn, &setsDeadline{Param: i, Returns: returns})
				done[cd.fn], changed = true, true
				break
			}
			if !done[cd.fn] && returnsConn && len(c.uncleared(cd.decl)) > 0 {
				c.pass.ExportObjectFact(cd.fn, new(returnsDeadline))
				done[cd.fn], changed = true, true
			}
		}
	}
}

// dialFunc reports whether t is a func type whose first result is a
// connection: the type of a dial hook.
func dialFunc(t types.Type) bool {
	sig, ok := t.Underlying().(*types.Signature)
	return ok && sig.Results().Len() > 0 && connLike(sig.Results().At(0).Type())
}

// factoryFact returns the returnsDialer fact of a function that returns a
// dial func (a func literal, a local variable holding one, a function
// with a deadline, or another factory's result) setting an absolute
// deadline on the connection it returns, or nil.
func (c *checker) factoryFact(decl *ast.FuncDecl) *returnsDialer {
	info := c.pass.TypesInfo
	if decl.Type.Results == nil || len(decl.Type.Results.List) == 0 || !dialFunc(info.TypeOf(decl.Type.Results.List[0].Type)) {
		return nil
	}
	var fact *returnsDialer
	inspectNoLit(decl.Body, func(n ast.Node) bool {
		ret, ok := n.(*ast.ReturnStmt)
		if fact != nil || !ok || len(ret.Results) == 0 {
			return fact == nil
		}
		fact = c.dialFuncFact(decl.Body, ret.Results[0])
		return fact == nil
	})
	return fact
}

// dialFuncFact returns what sets a deadline in the dial func e, returned
// by a factory with body body.
func (c *checker) dialFuncFact(body *ast.BlockStmt, e ast.Expr) *returnsDialer {
	info := c.pass.TypesInfo
	fromEvents := func(evs []event) *returnsDialer {
		if len(evs) == 0 {
			return nil
		}
		return &returnsDialer{Call: evs[0].name, At: c.position(evs[0].call)}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return fromEvents(c.uncleared(e))
	case *ast.CallExpr:
		if fn := match.Callee(info, e); fn != nil {
			var f returnsDialer
			if c.pass.ImportObjectFact(fn, &f) {
				return &f
			}
		}
		return nil
	}
	obj := funcObj(info, e)
	if v, ok := obj.(*types.Var); ok {
		if lit := c.localFuncLit(body, v); lit != nil {
			return fromEvents(c.uncleared(lit))
		}
		return nil
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		if d := c.decl(fn); d != nil && d.Body != nil {
			return fromEvents(c.uncleared(d))
		}
		return nil
	}
	if c.pass.ImportObjectFact(fn, new(returnsDeadline)) {
		return &returnsDialer{Call: fn.Pkg().Name() + "." + fn.Name()}
	}
	return nil
}

// localFuncLit returns the func literal that the local variable v is
// assigned, if it is assigned exactly once, with one.
func (c *checker) localFuncLit(body *ast.BlockStmt, v *types.Var) *ast.FuncLit {
	rhs, ok := match.SoleValue(c.pass.TypesInfo, body, v)
	if !ok {
		return nil
	}
	lit, _ := ast.Unparen(rhs).(*ast.FuncLit)
	return lit
}
