package bodyclose

// The branch that skips a hand-off: if cb != nil { cb(resp) } followed
// by a return both paths share. The leak is the path where the condition
// is false; the finding names it, since a Close before the shared return
// would close the body under its new owner.

import (
	"go/ast"
)

// handOffBranch returns the if statement, without an else, whose body
// hands the response on at its start (s's transfers) and that every
// leaking exit of s, all returns, follows; nil if there is none.
func (c *checker) handOffBranch(s *search) *ast.IfStmt {
	if len(s.transfers) == 0 || len(s.leaks) == 0 {
		return nil
	}
	for _, e := range s.leaks {
		if e.kind != leakReturn {
			return nil
		}
	}
	for _, t := range s.transfers {
		path := c.idx.PathTo(t)
		for i := 1; i+1 < len(path); i++ {
			ifs, ok := path[i+1].(*ast.IfStmt)
			if !ok || path[i] != ifs.Body || ifs.Else != nil || !handsOnFirst(ifs.Body, path[i-1]) || endsPath(ifs.Body) {
				continue
			}
			after := true
			for _, e := range s.leaks {
				after = after && e.pos > ifs.End()
			}
			if after {
				return ifs
			}
		}
	}
	return nil
}

// endsPath reports whether body ends in a return or a branch statement:
// the path that hands the response on does not go on to the return after
// the if statement, which is then no shared return.
func endsPath(body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	switch body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	}
	return false
}

// handsOnFirst reports whether stmt, a statement of body, is reached on
// every path into body: only plain statements come before it.
func handsOnFirst(body *ast.BlockStmt, stmt ast.Node) bool {
	for _, st := range body.List {
		if st == stmt {
			return true
		}
		switch st.(type) {
		case *ast.AssignStmt, *ast.ExprStmt, *ast.DeclStmt, *ast.IncDecStmt:
		default:
			return false
		}
	}
	return false
}
