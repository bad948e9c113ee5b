package retrybody

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/suppress"
)

// reportResend reports again, a send of the request that first sent
// consumed, with no reset of its body in between.
func (c *checker) reportResend(first, again send, d defs) {
	if !c.reporting || c.reported[again.call] {
		return
	}
	c.reported[again.call] = true
	req := c.keyText(first)
	// NewRequest set GetBody for the bodies the request may have, or
	// nothing can rewind them.
	reset := fmt.Sprintf("give %s a new body", req)
	if d.rewindable {
		reset = fmt.Sprintf("reset %s.Body from %s.GetBody", req, req)
	}
	var msg string
	if again.call == first.call {
		msg = fmt.Sprintf("%s runs again on the same request after it consumed the body of %s, so a retry sends an empty body or fails; %s before each attempt or build a new request per attempt",
			describe(&again), req, reset)
	} else {
		tail := "build a new request"
		if !d.rewindable {
			tail = "do not send it again when its body cannot be rewound"
		}
		msg = fmt.Sprintf("%s sends %s again after the %s at line %d consumed its body, so it sends an empty body or fails; %s before it, or %s",
			describe(&again), req, sendName(&first), c.line(first.call), reset, tail)
	}
	diag := analysis.Diagnostic{Pos: again.call.Pos(), End: again.call.End(), Message: msg}
	if again.call == first.call {
		if edits := c.moveFix(first, d); edits != nil {
			diag.SuggestedFixes = append(diag.SuggestedFixes, analysis.SuggestedFix{
				Message:   "Build the request inside the loop",
				TextEdits: edits,
			})
		}
	}
	c.reportWithReset(diag, again, req, d.rewindable)
}

// outward calls visit with each node around the send call, innermost
// first, and its child on the way to the call, until visit returns true.
// It returns false, the send out of a fix's reach, at a function literal
// or at a loop whose header (not its body) holds the send.
func (c *checker) outward(call *ast.CallExpr, visit func(child, parent ast.Node) (done bool)) bool {
	path := c.idx.PathTo(call)
	for i := 0; i+1 < len(path); i++ {
		switch p := path[i+1].(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if path[i] != p.Body {
				return false
			}
		case *ast.RangeStmt:
			if path[i] != p.Body {
				return false
			}
		}
		if visit(path[i], path[i+1]) {
			return true
		}
	}
	return true
}

// reportWithReset reports diag on the send s of req, with the fix that
// resets req.Body from GetBody before the send when the body can be
// rewound.
func (c *checker) reportWithReset(diag analysis.Diagnostic, s send, req string, rewindable bool) {
	if rewindable {
		if edits := c.resetFix(s, req); edits != nil {
			diag.SuggestedFixes = append(diag.SuggestedFixes, analysis.SuggestedFix{
				Message:   fmt.Sprintf("Reset %s.Body from %s.GetBody before the send", req, req),
				TextEdits: edits,
			})
		}
	}
	suppress.Report(c.pass, diag)
}

// reportWrapper reports a call of a function that re-sends the request
// it is given, with a request that has a body.
func (c *checker) reportWrapper(s send) {
	if !c.reporting || c.reported[s.call] {
		return
	}
	c.reported[s.call] = true
	name := sendName(&s)
	req := c.keyText(s)
	suppress.Reportf(c.pass, s.call,
		"%s sends %s again in a loop without resetting its body, so a retry sends an empty body or fails; make %s reset the body from GetBody before each attempt or build a new request per attempt",
		name, req, name)
}

// keyText is the request a send sends, as written at the call: the
// argument, and the fields below it a wrapper's fact names.
func (c *checker) keyText(s send) string {
	text := types.ExprString(sharedCopy(c.info, s.arg))
	if s.sub != "" {
		text += "." + s.sub
	}
	return text
}

// resetFix returns the edits that insert, before the statement of the
// send again,
//
//	if req.GetBody != nil {
//		req.Body, _ = req.GetBody()
//	}
//
// or nil when the send is not in a statement of a block that starts its
// line (a loop's header, a closure, a statement after another on its line).
func (c *checker) resetFix(again send, req string) []analysis.TextEdit {
	var stmt ast.Stmt
	fixable := c.outward(again.call, func(child, p ast.Node) bool {
		switch p.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause, *ast.LabeledStmt:
			stmt, _ = child.(ast.Stmt)
		}
		return stmt != nil
	})
	if !fixable || stmt == nil {
		return nil
	}
	ind, ok := fixes.LeadingIndent(c.pass, stmt.Pos())
	if !ok {
		return nil
	}
	text := fmt.Sprintf("if %s.GetBody != nil {\n%s\t%s.Body, _ = %s.GetBody()\n%s}\n%s", req, ind, req, req, ind, ind)
	return []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)}}
}
