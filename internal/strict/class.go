package strict

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// The class of a finding is in its Category: a contract finding's
// Category is Contract, or Contract + "/" + another category it has
// (fixes.ChooseFix); a cost finding's is anything else, usually empty, so
// the default mode's output is unchanged. go vet -json carries the
// Category; gopls shows it as the diagnostic's code.
const Contract = "contract"

// Marker is what text output appends to a contract finding's message.
const Marker = " [contract]"

// Anchor is the section of each analyzer's documentation that lists what
// strict mode adds: a contract finding's URL, relative to the analyzer's.
const Anchor = "#strict"

// IsContract reports whether a finding of the given Category is of class
// contract.
func IsContract(category string) bool {
	return category == Contract || strings.HasPrefix(category, Contract+"/")
}

// Other returns the category beside the class: category without the
// contract class.
func Other(category string) string {
	if category == Contract {
		return ""
	}
	return strings.TrimPrefix(category, Contract+"/")
}

// Class names a finding's class: "contract" or "cost".
func Class(category string) string {
	if IsContract(category) {
		return Contract
	}
	return "cost"
}

// Mark returns d as a contract finding.
func Mark(d analysis.Diagnostic) analysis.Diagnostic {
	switch {
	case IsContract(d.Category):
	case d.Category == "":
		d.Category = Contract
	default:
		d.Category = Contract + "/" + d.Category
	}
	if d.URL == "" {
		d.URL = Anchor
	}
	return d
}

// MarkIf returns d as a contract finding when contract is true, and d
// unchanged otherwise.
func MarkIf(d analysis.Diagnostic, contract bool) analysis.Diagnostic {
	if contract {
		return Mark(d)
	}
	return d
}

// MarkTestCode makes every finding pass reports in test code (inTest) a
// contract finding: for the analyzers that leave test code out by
// default. Call it only when test code is checked: it changes pass in
// place.
func MarkTestCode(pass *analysis.Pass, inTest func(token.Pos) bool) {
	RewriteReports(pass, func(d analysis.Diagnostic) analysis.Diagnostic { return MarkIf(d, inTest(d.Pos)) })
}

// Text returns a finding's message as text output shows it: with Marker
// after a contract finding's (once: MarkText may have put it there).
func Text(message, category string) string {
	if IsContract(category) && !strings.HasSuffix(message, Marker) {
		return message + Marker
	}
	return message
}

// Plain returns a finding's message without the Marker MarkText put after
// it, for outputs that carry the class apart (JSON, SARIF).
func Plain(message, category string) string {
	if IsContract(category) {
		return strings.TrimSuffix(message, Marker)
	}
	return message
}

// MarkText wraps a's Run so that the message of each contract finding
// carries Marker, for drivers whose output shows the message alone (go
// vet's text output, golangci-lint, gopls). It changes a in place and
// returns it; a driver calls it once per analyzer.
func MarkText(a *analysis.Analyzer) *analysis.Analyzer {
	return WrapReports(a, func(d analysis.Diagnostic) analysis.Diagnostic {
		d.Message = Text(d.Message, d.Category)
		return d
	})
}
