// Command httpvet runs the httpvet analyzers, which find net/http mistakes
// that leak connections, defeat keep-alive and hang requests.
//
// It runs three ways:
//
//	httpvet ./...                         # standalone: runs go vet with itself as the tool
//	go vet -vettool=$(which httpvet) ./... # as go vet's analysis tool
//	go tool httpvet ./...                 # pinned in go.mod with go get -tool
//
// Standalone, it runs go vet -vettool=<itself> -json and prints the
// findings as text (or JSON with -json, SARIF 2.1.0 with -sarif), and
// applies suggested fixes with -fix, then analyzes again to print what is
// left. Under go vet (an argument that is a single .cfg file, and the
// -V=full and -flags queries go vet makes) it is an ordinary vet tool
// built on unitchecker.
//
// Exit status, standalone: 0 nothing found; 3 findings (with -fix:
// findings left unfixed); 1 packages that do not load, parse or type-check,
// or an analyzer error (errors win over findings); 2 a bad flag or
// argument. With -json or -sarif, findings are in the output and the
// status is 0 unless an error occurred. Under go vet, go vet sets the
// status: 1 on findings or errors.
//
// Run "httpvet help" for the flags and "httpvet help NAME" for an
// analyzer's documentation.
package main

import (
	"os"
	"strings"
)

func main() {
	args := os.Args[1:]
	if vetProtocol(args) {
		vet()
		return
	}
	os.Exit(standalone(args, os.Stdout, os.Stderr))
}

// vetProtocol reports whether args are go vet's: a single .cfg file last,
// or the -V and -flags queries go vet makes of its tool.
func vetProtocol(args []string) bool {
	if len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") {
		return true
	}
	for _, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			break
		}
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "V" || name == "flags" {
			return true
		}
	}
	return false
}
