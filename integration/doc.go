// Package integration holds httpvet's opt-in integration tests: a
// golangci-lint with the httpvet module plugin, and a gopls with the httpvet
// analyzers built in, both built by build.sh from the Go module proxy plus
// this repository, run on testdata/fixture.
//
// The tests are skipped unless HTTPVET_INTEGRATION=1. They use the binaries
// named by HTTPVET_GOLANGCI_LINT and HTTPVET_GOPLS, or else build them with
// build.sh (a few minutes on a cold build cache: give go test -timeout 30m).
// .ci/integration.sh builds both, then runs the tests.
package integration
