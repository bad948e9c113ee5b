package reqctx_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/httpvet/httpvet/reqctx"
)

// TestStd runs the analyzer on net/http and the standard packages around
// it, which use Request.Cancel and requests without a context on
// purpose: net/http sets Cancel to implement Client.Timeout for
// RoundTrippers that predate contexts. Nothing there is a finding.
func TestStd(t *testing.T) {
	if testing.Short() {
		t.Skip("loads net/http from source")
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax},
		"net/http", "net/http/httputil", "net/http/cookiejar", "net/rpc", "expvar")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		t.Skipf("cannot load the standard packages: %v", err)
	}
	g, err := checker.Analyze([]*analysis.Analyzer{reqctx.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Package.PkgPath, act.Err)
		}
		for _, d := range act.Diagnostics {
			t.Errorf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message)
		}
	}
}
