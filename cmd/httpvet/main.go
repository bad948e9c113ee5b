// Command httpvet runs the httpvet analyzers: standalone on package
// patterns (httpvet ./...), or as a vet tool
// (go vet -vettool=$(which httpvet) ./...).
//
// Exit status: 0 no diagnostics, 1 a tool or load error, 3 diagnostics
// were reported (standalone); under go vet, go vet exits 1 on diagnostics.
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/httpvet/httpvet/analyzers"
)

func main() { multichecker.Main(analyzers.Suite...) }
