package getbody

import (
	"fmt"
	"go/ast"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/suppress"
)

const consequence = ": servers and proxies may reject the request or drop the body; put the data in the URL query, or use POST"

// report reports the request req at node with both fixes.
func (c *checker) report(req request, node ast.Node, what string) {
	if c.skipTest(node.Pos()) {
		return
	}
	suppress.Report(c.pass, analysis.Diagnostic{
		Pos:            node.Pos(),
		End:            node.End(),
		Message:        what + consequence,
		SuggestedFixes: c.requestFixes(req),
	})
}

// reportAssign reports as, which sets field on the request built by origin.
func (c *checker) reportAssign(origin request, as *ast.AssignStmt, field string) {
	if c.skipTest(as.Pos()) {
		return
	}
	suppress.Report(c.pass, analysis.Diagnostic{
		Pos:            as.Pos(),
		End:            as.End(),
		Message:        fmt.Sprintf("setting %s on a %s request%s", field, origin.method, consequence),
		SuggestedFixes: c.assignFixes(origin, as),
	})
}
