// Package analyzers exports the httpvet suite, for drivers that embed it:
// cmd/httpvet, the golangci-lint plugin (package golangci), a gopls build,
// or a multichecker of your own:
//
//	multichecker.Main(append(myAnalyzers, analyzers.Suite...)...)
//
// # Flags
//
// Each analyzer is configured only through its Flags (a [flag.FlagSet];
// httpvet help NAME and docs/NAME.md list them). Command-line drivers
// expose them as -NAME.FLAG. From code, set them before the analysis
// runs, with the flag's own name and the same text as on the command
// line:
//
//	if err := timeouts.Analyzer.Flags.Set("client-timeout", "10s"); err != nil {
//		return err // an unknown flag or an invalid value
//	}
//	_ = bodyclose.Analyzer.Flags.Set("drain", "false")
//
// The analyzers are package-level values: the flags apply to every use of
// them in the process.
//
// # Strict mode
//
// [SetStrict] is the -strict flag: every analyzer reports the contract
// findings too (a body read to EOF but not closed, a request without a
// context where none is in scope, a server without timeouts that only
// local clients reach), with the Category "contract" ("contract/" and
// another category when it has one). An analyzer flag set explicitly wins
// over it.
//
// # Suppression and generated files
//
// Both come with the analyzers, whatever the driver: every analyzer
// requires the internal suppression analyzer and reports through it, so
// a //httpvet:ignore NAME reason directive on a finding's line or the line
// above silences it, a malformed directive (no reason, an unknown analyzer
// name) is itself reported, and nothing is reported in a generated file
// (a "// Code generated … DO NOT EDIT." header in the file the user wrote;
// cgo's rewritten copies of files that import "C" do not count). A driver
// has nothing to add for either.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/bodyclose"
	"github.com/httpvet/httpvet/deadlineconn"
	"github.com/httpvet/httpvet/getbody"
	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/nilbody"
	"github.com/httpvet/httpvet/reqctx"
	"github.com/httpvet/httpvet/retrybody"
	"github.com/httpvet/httpvet/timeouts"
)

// Suite is every httpvet analyzer, in a fixed order.
var Suite = []*analysis.Analyzer{
	bodyclose.Analyzer,
	deadlineconn.Analyzer,
	getbody.Analyzer,
	nilbody.Analyzer,
	reqctx.Analyzer,
	retrybody.Analyzer,
	timeouts.Analyzer,
}

// SetStrict turns strict mode on or off for every analyzer of the suite
// (-strict): call it before the analysis runs.
func SetStrict(on bool) { strict.Set(on) }
