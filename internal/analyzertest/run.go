package analyzertest

import (
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Testing is what the checks of // want comments and golden files report
// to: a *testing.T, or a recorder in this package's tests.
type Testing interface {
	Errorf(format string, args ...any)
}

// Run runs a on the loaded packages roots, each with its test variants,
// and checks the // want comments of each, as analysistest.Run does on
// packages it loads itself: every diagnostic and fact must match an
// expectation of its line, and every expectation must be matched. It
// returns a result for each package analyzed.
//
// The results' Pass holds the package (Analyzer, Fset, Files,
// OtherFiles, IgnoredFiles, Pkg, TypesInfo, TypesSizes, TypeErrors),
// not the pass the analyzer ran with: it is for reading, as
// analysistest's is.
func (p *Packages) Run(t testing.TB, a *analysis.Analyzer, roots ...string) []*analysistest.Result {
	t.Helper()
	acts := p.analyze(t, a, roots...)
	gopath := analysistest.TestData()
	var results []*analysistest.Result
	for _, act := range acts {
		if act.Err == nil {
			checkWants(t, gopath, act)
		}
		results = append(results, result(act))
	}
	return results
}

// RunWithSuggestedFixes is Run, and checks the suggested fixes against
// golden files as analysistest.RunWithSuggestedFixes does: for each
// package, the file a.go with its fixes applied must be a.go.golden.
func (p *Packages) RunWithSuggestedFixes(t testing.TB, a *analysis.Analyzer, roots ...string) []*analysistest.Result {
	t.Helper()
	results := p.Run(t, a, roots...)
	for _, r := range results {
		checkGolden(t, r.Action)
	}
	return results
}

// analyze runs a on the packages roots, as Analyze, having logged the
// load errors of the packages and their dependencies unless a runs
// despite them (its actions then fail; the log says why).
func (p *Packages) analyze(t testing.TB, a *analysis.Analyzer, roots ...string) []*checker.Action {
	t.Helper()
	if !a.RunDespiteErrors {
		packages.Visit(p.selected(t, roots...), nil, func(pkg *packages.Package) {
			for _, err := range pkg.Errors {
				t.Log(err)
			}
		})
	}
	return p.Analyze(t, a, roots...)
}

// result is the analysistest result of act.
func result(act *checker.Action) *analysistest.Result {
	facts := make(map[types.Object][]analysis.Fact)
	for _, of := range act.AllObjectFacts() {
		if of.Object.Pkg() == act.Package.Types {
			facts[of.Object] = append(facts[of.Object], of.Fact)
		}
	}
	for _, pf := range act.AllPackageFacts() {
		if pf.Package == act.Package.Types {
			facts[nil] = append(facts[nil], pf.Fact)
		}
	}
	pkg := act.Package
	return &analysistest.Result{
		Action: act,
		Pass: &analysis.Pass{
			Analyzer: act.Analyzer, Fset: pkg.Fset, Files: pkg.Syntax,
			OtherFiles: pkg.OtherFiles, IgnoredFiles: pkg.IgnoredFiles,
			Pkg: pkg.Types, TypesInfo: pkg.TypesInfo, TypesSizes: pkg.TypesSizes, TypeErrors: pkg.TypeErrors,
		},
		Diagnostics: act.Diagnostics,
		Facts:       facts,
		Result:      act.Result,
		Err:         act.Err,
	}
}
