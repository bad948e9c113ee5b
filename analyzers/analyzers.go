// Package analyzers exports the httpvet suite, for drivers that embed it
// (cmd/httpvet, the golangci-lint plugin, a gopls build).
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/bodyclose"
	"github.com/httpvet/httpvet/deadlineconn"
	"github.com/httpvet/httpvet/getbody"
	"github.com/httpvet/httpvet/timeouts"
)

// Suite is every httpvet analyzer, in a fixed order.
var Suite = []*analysis.Analyzer{
	bodyclose.Analyzer,
	deadlineconn.Analyzer,
	getbody.Analyzer,
	timeouts.Analyzer,
}
