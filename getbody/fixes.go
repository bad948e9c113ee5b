package getbody

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
)

// requestFixes returns the fixes of a request built with a body, and the
// diagnostic's category. Where the body carries nothing (a payload an
// encoding wrapper that skips nil payloads would encode as {}), sending
// none keeps what the request does: that fix comes first and -fix applies
// it. Otherwise both fixes — use POST (a read becomes a write), send no
// body (its data is no longer sent) — change what the program does, and
// they are alternatives for the author (fixes.ChooseFix): editors offer
// them, -fix applies neither.
func (c *checker) requestFixes(req request) ([]analysis.SuggestedFix, string) {
	var fixList []analysis.SuggestedFix
	if enc, ok := c.emptyEncoding(req); ok && req.fact.NilSkip {
		edit := analysis.TextEdit{Pos: req.body.Pos(), End: req.body.End(), NewText: []byte("nil")}
		if removed, ok := fixes.RemovedImports(c.pass, fixes.File(c.pass, req.body.Pos()), req.body); ok {
			fixList = append(fixList, analysis.SuggestedFix{
				Message:   "Pass no payload (nil): it was encoded as " + enc + ", which carries nothing",
				TextEdits: append([]analysis.TextEdit{edit}, removed...),
			})
		}
	}
	category := fixes.ChooseFix
	if len(fixList) > 0 {
		category = "" // the first fix keeps the request's intent
	}
	if req.methodE != nil {
		if fix, ok := c.replaceFix(req.methodE, "MethodPost", `"POST"`, "Use http.MethodPost: the request becomes a POST"); ok {
			fixList = append(fixList, fix)
		}
	}
	// An encoding wrapper would encode http.NoBody: no body fix then.
	if req.body != nil && (req.fact == nil || req.fact.Encoder == "") {
		if fix, ok := c.replaceFix(req.body, "NoBody", "nil", "Send no body (http.NoBody): its data is no longer sent"); ok {
			fixList = append(fixList, fix)
		}
	}
	return fixList, category
}

// emptyEncoding returns what a JSON-encoding wrapper makes of the payload
// of req when that carries nothing: "{}" for http.NoBody (an unexported
// struct type with no exported fields), an empty struct or map literal, or
// a value of a struct type without exported fields or its own marshaling.
func (c *checker) emptyEncoding(req request) (string, bool) {
	if req.fact == nil || !strings.HasPrefix(req.fact.Encoder, "json.") || req.body == nil {
		return "", false
	}
	info := c.pass.TypesInfo
	if lit := match.LitOf(req.body); lit != nil {
		switch match.DerefUnderlying(info.TypeOf(lit)).(type) {
		case *types.Map:
			if len(lit.Elts) == 0 {
				return "{}", true
			}
			return "", false
		case *types.Struct:
			// keyed or not, its exported fields decide: below
		default:
			return "", false
		}
	}
	t := info.TypeOf(req.body)
	if t == nil || types.IsInterface(t) {
		return "", false
	}
	for _, m := range []string{"MarshalJSON", "MarshalText"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, m); obj != nil {
			return "", false
		}
	}
	st, ok := match.DerefUnderlying(t).(*types.Struct)
	if !ok {
		return "", false
	}
	for i := 0; i < st.NumFields(); i++ {
		if st.Field(i).Exported() || st.Field(i).Embedded() {
			return "", false
		}
	}
	return "{}", true
}

// assignFixes returns the fixes of as, which sets a body on the request
// built by origin: use POST (when the method is in the same file), or
// remove the assignment.
// Both change what the program does: they are alternatives for the
// author (fixes.ChooseFix).
func (c *checker) assignFixes(origin request, as *ast.AssignStmt) []analysis.SuggestedFix {
	var fixList []analysis.SuggestedFix
	if origin.methodE != nil && fixes.File(c.pass, origin.methodE.Pos()) == fixes.File(c.pass, as.Pos()) {
		if fix, ok := c.replaceFix(origin.methodE, "MethodPost", `"POST"`, "Use http.MethodPost: the request becomes a POST"); ok {
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
