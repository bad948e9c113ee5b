package deadlineconn

import (
	"fmt"
	"go/ast"
	"go/token"
	"path/filepath"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

const message = "%s sets an absolute deadline on a connection returned by an http.Transport dial hook: " +
	"the deadline stays on the pooled connection and reused connections fail with i/o timeout; " +
	"use http.Client.Timeout or a request context deadline, Transport.ResponseHeaderTimeout, or net.Dialer.Timeout"

// reportSets reports the uncleared deadline sets of a hook function.
func (c *checker) reportSets(fnNode ast.Node, reported map[token.Pos]bool) {
	_, body := match.Func(fnNode)
	for _, ev := range c.uncleared(fnNode) {
		if reported[ev.call.Pos()] {
			continue
		}
		reported[ev.call.Pos()] = true
		d := analysis.Diagnostic{Pos: ev.call.Pos(), End: ev.call.End(), Message: fmt.Sprintf(message, ev.name)}
		if ev.fix {
			if fix, ok := c.deleteFix(body, ev.call); ok {
				d.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
		}
		suppress.Report(c.pass, d)
	}
}

// checkFactoryHook reports a dial hook that is the result of a factory
// call whose dial func sets a deadline (tr.DialContext = timeoutDialer(…)).
func (c *checker) checkFactoryHook(call *ast.CallExpr, reported map[token.Pos]bool) {
	fn := match.Callee(c.pass.TypesInfo, call)
	var f returnsDialer
	if fn == nil || !c.pass.ImportObjectFact(fn, &f) || reported[call.Pos()] {
		return
	}
	reported[call.Pos()] = true
	name := fn.Name()
	if fn.Pkg() != c.pass.Pkg && fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	what := "the dial func returned by " + name
	if f.At != "" {
		what += fmt.Sprintf(" through %s at %s", f.Call, f.At)
	} else if f.Call != "" {
		what += " through " + f.Call
	}
	suppress.Report(c.pass, analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: fmt.Sprintf(message, what)})
}

// position returns file:line of n, the file without its directory.
func (c *checker) position(n ast.Node) string {
	pos := c.pass.Fset.Position(n.Pos())
	return fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)
}
