// Package peers: golangci-lint's //nolint silences the analyzer where it
// silences every linter, or a peer whose findings are the analyzer's.
package peers

func report() {}

func f() {
	report() // want "reported"

	//nolint
	report()

	report() //nolint:all // every linter

	//nolint:bodyclose // timakin/bodyclose: the same findings
	report()

	//nolint:errcheck,bodyclose
	report()

	//nolint:noctx // another analyzer's peer
	report() // want "reported"

	//nolint:gosec // only where the analyzer asks for gosec
	report() // want "reported"

	//nolintbodyclose not a directive
	report() // want "reported"

	// nolint a space makes it prose
	report() // want "reported"

	//nolint:bodyclose only the next line
	report()
	report() // want "reported"
}
