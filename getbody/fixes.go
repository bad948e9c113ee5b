package getbody

import (
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
)

// requestFixes returns the fixes of a request built with a body: use
// POST, or send no body.
func (c *checker) requestFixes(req request) []analysis.SuggestedFix {
	var fixList []analysis.SuggestedFix
	if req.methodE != nil {
		if fix, ok := c.replaceFix(req.methodE, "MethodPost", `"POST"`, "Use http.MethodPost"); ok {
			fixList = append(fixList, fix)
		}
	}
	// An encoding wrapper would encode http.NoBody: no body fix then.
	if req.body != nil && (req.fact == nil || req.fact.Encoder == "") {
		if fix, ok := c.replaceFix(req.body, "NoBody", "nil", "Send no body (http.NoBody): its data is no longer sent"); ok {
			fixList = append(fixList, fix)
		}
	}
	return fixList
}

// assignFixes returns the fixes of as, which sets a body on the request
// built by origin: use POST (when the method is in the same file), or
// remove the assignment.
func (c *checker) assignFixes(origin request, as *ast.AssignStmt) []analysis.SuggestedFix {
	var fixList []analysis.SuggestedFix
	if origin.methodE != nil && fixes.File(c.pass, origin.methodE.Pos()) == fixes.File(c.pass, as.Pos()) {
		if fix, ok := c.replaceFix(origin.methodE, "MethodPost", `"POST"`, "Use http.MethodPost"); ok {
			fixList = append(fixList, fix)
		}
	}
	if del, ok := fixes.DeleteStmt(c.pass, as); ok {
		if removed, ok := fixes.RemovedImports(c.pass, fixes.File(c.pass, as.Pos()), as); ok {
			edits := append([]analysis.TextEdit{del}, removed...)
			fixList = append(fixList, analysis.SuggestedFix{
				Message:   "Remove the assignment: the body is no longer sent",
				TextEdits: edits,
			})
		}
	}
	return fixList
}

// replaceFix replaces e by http.<name>, or by alt where net/http has no
// name in the file, and removes imports the edit leaves unused.
func (c *checker) replaceFix(e ast.Expr, name, alt, message string) (analysis.SuggestedFix, bool) {
	file := fixes.File(c.pass, e.Pos())
	if file == nil {
		return analysis.SuggestedFix{}, false
	}
	text := alt
	if n := fixes.ImportName(c.pass.TypesInfo, file, match.NetHTTP); n != "" {
		text = n + "." + name
	}
	removed, ok := fixes.RemovedImports(c.pass, file, e)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	edits := append([]analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(text)}}, removed...)
	return analysis.SuggestedFix{Message: message, TextEdits: edits}, true
}
