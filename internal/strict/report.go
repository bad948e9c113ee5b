package strict

import "golang.org/x/tools/go/analysis"

// RewriteReports makes pass report each diagnostic as rewrite returns it.
// It changes pass in place.
func RewriteReports(pass *analysis.Pass, rewrite func(analysis.Diagnostic) analysis.Diagnostic) {
	report := pass.Report
	pass.Report = func(d analysis.Diagnostic) { report(rewrite(d)) }
}

// WrapReports wraps a's Run so that each pass reports its diagnostics as
// rewrite returns them: for drivers that change what every analyzer
// reports (the class marker, the fixes -fix may apply). It changes a in
// place and returns it.
func WrapReports(a *analysis.Analyzer, rewrite func(analysis.Diagnostic) analysis.Diagnostic) *analysis.Analyzer {
	run := a.Run
	if run == nil {
		return a
	}
	a.Run = func(pass *analysis.Pass) (any, error) {
		RewriteReports(pass, rewrite)
		return run(pass)
	}
	return a
}
