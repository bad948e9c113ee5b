package bodyclose

// Loops: back edges to the call, and how to name them in a message.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/cfg"
)

// backEdge handles the edge from block b to succ when it goes back to the
// head of a loop that holds the call, and the response variable is
// declared inside that loop: the next iteration declares a new one, so a
// body still open here leaks at this edge (the continue, the goto or the
// end of the loop body). It reports whether the path ends here.
func (s *search) backEdge(b, succ *cfg.Block, st state) bool {
	if s.source == nil || s.tr.primary == nil {
		return false
	}
	loop, ok := s.fn.loopHead(succ)
	if !ok || s.source.Pos() < loop.Pos() || s.source.End() > loop.End() {
		return false
	}
	if st.closed != nil {
		s.drainRepeat(st.closed, loop.Pos(), true)
		return true
	}
	for _, set := range []map[*types.Var]bool{s.tr.resp, s.tr.body, s.tr.holder} {
		for v := range set {
			if v.Pos() < loop.Pos() || v.Pos() >= loop.End() {
				return false // a variable outlives the loop: the source check handles it
			}
		}
	}
	if st.defers != nil || st.released() && !s.fn.c.strict {
		return false
	}
	kind, pos := s.fn.edgeAt(b, loop)
	s.addLeak(leakExit{kind: kind, pos: pos, eof: st.eof, noBody: st.free}, st.read || st.eof)
	return true
}

// loopHead returns the loop (a for or range statement, or the statement
// labeled by a goto target) whose head block is b.
func (fn *function) loopHead(b *cfg.Block) (ast.Node, bool) {
	switch b.Kind {
	case cfg.KindForLoop, cfg.KindForPost:
		if s, ok := b.Stmt.(*ast.ForStmt); ok {
			return s, true
		}
	case cfg.KindRangeLoop:
		if s, ok := b.Stmt.(*ast.RangeStmt); ok {
			return s, true
		}
	case cfg.KindLabel:
		if l, ok := b.Stmt.(*ast.LabeledStmt); ok {
			if g := fn.gotoTo(l); g != nil {
				return &gotoLoop{l, g}, true
			}
		}
	}
	return nil, false
}

// gotoLoop is the span from a label to the last goto that jumps back to
// it: a loop written with goto.
type gotoLoop struct {
	label *ast.LabeledStmt
	last  *ast.BranchStmt
}

func (g *gotoLoop) Pos() token.Pos { return g.label.Pos() }
func (g *gotoLoop) End() token.Pos { return g.last.End() }

// gotoTo returns the last goto statement of fn that jumps back to label l.
func (fn *function) gotoTo(l *ast.LabeledStmt) *ast.BranchStmt {
	var last *ast.BranchStmt
	for _, br := range fn.branches() {
		if br.Tok == token.GOTO && br.Label != nil && br.Label.Name == l.Label.Name && br.Pos() > l.Pos() {
			last = br
		}
	}
	return last
}

// branches returns the continue and goto statements of fn, outside
// nested function literals, in source order.
func (fn *function) branches() []*ast.BranchStmt {
	fn.cfg()
	if fn.brs == nil {
		fn.brs = []*ast.BranchStmt{}
		ast.Inspect(fn.body(), func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.BranchStmt:
				if n.Tok == token.CONTINUE || n.Tok == token.GOTO {
					fn.brs = append(fn.brs, n)
				}
			case *ast.BlockStmt:
				fn.barriers = append(fn.barriers, n.Rbrace)
			case *ast.CaseClause, *ast.CommClause:
				fn.barriers = append(fn.barriers, n.Pos())
			}
			if st, ok := n.(ast.Stmt); ok {
				if _, isBlock := n.(*ast.BlockStmt); !isBlock {
					fn.barriers = append(fn.barriers, st.Pos())
				}
			}
			return true
		})
	}
	return fn.brs
}

// edgeAt names the edge from block b back to the head of loop: the
// continue or goto statement that ends b, or else the end of the loop
// body.
func (fn *function) edgeAt(b *cfg.Block, loop ast.Node) (int, token.Pos) {
	brs := fn.branches()
	anchor := token.NoPos
	if len(b.Nodes) > 0 {
		anchor = b.Nodes[len(b.Nodes)-1].End()
	} else {
		switch s := b.Stmt.(type) {
		case *ast.IfStmt:
			if b.Kind == cfg.KindIfThen {
				anchor = s.Body.Lbrace
			} else if b.Kind == cfg.KindIfElse && s.Else != nil {
				anchor = s.Else.Pos()
			} else {
				anchor = s.End()
			}
		case *ast.CaseClause:
			anchor = s.Colon
		case *ast.CommClause:
			anchor = s.Colon
		case *ast.ForStmt:
			anchor = s.Body.Lbrace
		case *ast.RangeStmt:
			anchor = s.Body.Lbrace
		case *ast.LabeledStmt:
			anchor = s.Colon
		}
	}
	if anchor.IsValid() {
		for _, br := range brs {
			if br.Pos() < anchor {
				continue
			}
			clear := true
			for _, p := range fn.barriers {
				if p > anchor && p < br.Pos() {
					clear = false
					break
				}
			}
			if clear {
				if br.Tok == token.GOTO {
					return leakGoto, br.Pos()
				}
				return leakContinue, br.Pos()
			}
			break
		}
	}
	switch l := loop.(type) {
	case *ast.ForStmt:
		return leakLoopEnd, l.Body.Rbrace
	case *ast.RangeStmt:
		return leakLoopEnd, l.Body.Rbrace
	case *gotoLoop:
		return leakGoto, l.last.Pos()
	}
	return leakLoopEnd, loop.End()
}
