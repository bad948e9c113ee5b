package engine

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/cfg"
)

// Built returns the graph cfg.New would build with the view's mayReturn,
// block for block: for an analyzer whose walks depend on the blocks
// themselves (their nodes, kinds and statements, a return at the end of
// the body), not only on the paths a [View] gives.
//
// Where the view reconnects a call, cfg.New would have kept one block: the
// block ending with the call and the unreachable block after it are
// merged, in the order cfg.New would have created them, and the implicit
// return cfg.New adds to a live last block is added when only the view
// makes it live. When the view reconnects nothing, Built is the shared
// graph itself, which must not be modified; otherwise it is a new graph.
// Block.Live is set; cfg.CFG's NoReturn is not (it is always false).
func (v *View) Built() *cfg.CFG {
	// next[b] is the block the view puts after b, ending with a call it
	// reconnects; merged marks those blocks.
	var next map[*cfg.Block]*cfg.Block
	merged := make(map[*cfg.Block]bool)
	for _, b := range v.Blocks {
		if len(b.Succs) == 0 && len(v.succs[b.Index]) == 1 {
			if next == nil {
				next = make(map[*cfg.Block]*cfg.Block)
			}
			u := v.succs[b.Index][0]
			next[b] = u
			merged[u] = true
		}
	}
	if next == nil {
		return v.CFG
	}
	end := v.bodyEnd()
	built := make(map[*cfg.Block]*cfg.Block) // a block of the view → the block holding its nodes
	var blocks []*cfg.Block
	for _, b := range v.Blocks {
		if merged[b] {
			continue
		}
		nb := &cfg.Block{Index: int32(len(blocks)), Kind: b.Kind, Stmt: b.Stmt, Live: v.live[b.Index]}
		blocks = append(blocks, nb)
		for x := b; x != nil; x = next[x] {
			built[x] = nb
			nb.Nodes = append(nb.Nodes, x.Nodes...)
			if x == end {
				nb.Nodes = append(nb.Nodes, &ast.ReturnStmt{Return: v.Blocks[0].Stmt.End() - 1})
			}
		}
	}
	for _, b := range v.Blocks {
		if merged[b] {
			continue
		}
		last := b
		for next[last] != nil {
			last = next[last]
		}
		nb := built[b]
		for _, s := range v.succs[last.Index] {
			nb.Succs = append(nb.Succs, built[s])
		}
	}
	return &cfg.CFG{Blocks: blocks}
}

// bodyEnd returns the block where control falls off the end of the body
// when only the view makes it live, and so has no implicit return in the
// graph, or nil. It is the block cfg.New was building when the body
// ended, found from the body's last statement.
func (v *View) bodyEnd() *cfg.Block {
	if len(v.Blocks) == 0 {
		return nil
	}
	body, ok := v.Blocks[0].Stmt.(*ast.BlockStmt)
	if !ok {
		return nil
	}
	byStmt := make(map[ast.Stmt][]*cfg.Block) // blocks by the statement that made them
	for _, b := range v.Blocks {
		if b.Stmt != nil {
			byStmt[b.Stmt] = append(byStmt[b.Stmt], b)
		}
	}
	made := func(s ast.Stmt, kind cfg.BlockKind) *cfg.Block {
		var found *cfg.Block
		for _, b := range byStmt[s] {
			if b.Kind == kind {
				found = b // the last one: after a branch, the block after it
			}
		}
		return found
	}
	// after returns the block being built after s, and false if s adds
	// nothing to the graph (the block is the one before s).
	var after func(s ast.Stmt) (*cfg.Block, bool)
	after = func(s ast.Stmt) (*cfg.Block, bool) {
		switch s := s.(type) {
		case *ast.BlockStmt:
			for i := len(s.List) - 1; i >= 0; i-- {
				if b, ok := after(s.List[i]); ok {
					return b, true
				}
			}
			return nil, false
		case *ast.DeclStmt:
			var last ast.Node
			if d, ok := s.Decl.(*ast.GenDecl); ok && d.Tok == token.VAR {
				for _, spec := range d.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok {
						last = vs
					}
				}
			}
			if last == nil {
				return nil, false
			}
			return v.where[last].b, true
		case *ast.LabeledStmt:
			if b, ok := after(s.Stmt); ok {
				return b, true
			}
			return made(s, cfg.KindLabel), true
		case *ast.ReturnStmt, *ast.BranchStmt:
			return made(s, cfg.KindUnreachable), true
		case *ast.ExprStmt:
			if b := made(s, cfg.KindUnreachable); b != nil {
				return b, true // after a call that does not return
			}
		case *ast.IfStmt:
			return made(s, cfg.KindIfDone), true
		case *ast.SwitchStmt:
			return made(s, cfg.KindSwitchDone), true
		case *ast.TypeSwitchStmt:
			return made(s, cfg.KindSwitchDone), true
		case *ast.SelectStmt:
			return made(s, cfg.KindSelectDone), true
		case *ast.ForStmt:
			return made(s, cfg.KindForDone), true
		case *ast.RangeStmt:
			return made(s, cfg.KindRangeDone), true
		}
		return v.where[s].b, true
	}
	end, ok := after(body)
	if !ok {
		end = v.Blocks[0]
	}
	if end == nil || end.Live || !v.live[end.Index] || len(v.succs[end.Index]) > 0 {
		return nil
	}
	return end
}
