package getbody

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

const consequence = ": servers and proxies may reject the request or drop the body; put the data in the URL query, or use POST"

// report reports the request req at node with its fixes, saying what
// the body is.
func (c *checker) report(req request, node ast.Node, what string) {
	if c.skipTest(node.Pos()) {
		return
	}
	fixList, category := c.requestFixes(req)
	suppress.Report(c.pass, analysis.Diagnostic{
		Pos:            node.Pos(),
		End:            node.End(),
		Category:       category,
		Message:        what + c.bodyText(req) + consequence,
		SuggestedFixes: fixList,
	})
}

// bodyText says what the body of req is, as written: " (x)", or, for a
// payload a JSON-encoding wrapper encodes as {}, " (x, which json.Marshal
// encodes as {})".
func (c *checker) bodyText(req request) string {
	if req.body == nil {
		return ""
	}
	s, ok := fixes.Source(c.pass, req.body)
	if !ok || strings.Contains(s, "\n") {
		s = types.ExprString(req.body)
	}
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	if enc, ok := c.emptyEncoding(req); ok {
		return fmt.Sprintf(" (%s, which %s encodes as %s)", s, req.fact.Encoder, enc)
	}
	if req.fact != nil && strings.HasPrefix(req.fact.Encoder, "json.") && match.IsNil(c.pass.TypesInfo, req.body) {
		return fmt.Sprintf(" (nil, which %s encodes as null)", req.fact.Encoder)
	}
	return " (" + s + ")"
}

// reportAssign reports as, which sets field on the request built by origin.
func (c *checker) reportAssign(origin request, as *ast.AssignStmt, field string) {
	if c.skipTest(as.Pos()) {
		return
	}
	suppress.Report(c.pass, analysis.Diagnostic{
		Pos:            as.Pos(),
		End:            as.End(),
		Category:       fixes.ChooseFix,
		Message:        fmt.Sprintf("setting %s on a %s request%s", field, origin.method, consequence),
		SuggestedFixes: c.assignFixes(origin, as),
	})
}
