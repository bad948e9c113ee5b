#!/usr/bin/env bash
# Integration tests: builds golangci-lint with the httpvet module plugin and
# gopls with the httpvet analyzers (integration/build.sh, from the Go module
# proxy plus this clone), then runs the opt-in tests in integration/ against
# them. Called by .ci/run; also runnable alone: bash .ci/integration.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export GOWORK=off

bin=${TMPDIR:-/tmp}/httpvet-integration/bin
start=$SECONDS
# The golangci-lint for the tests also links a test-only plugin
# (integration/testdata/flagprobe), inert unless configured.
HTTPVET_GOLANGCI_EXTRA=github.com/httpvet/httpvet/integration/testdata/flagprobe \
	bash integration/build.sh all "$bin"
echo "== integration builds took $((SECONDS - start))s"

echo "== integration tests (golangci-lint plugin, gopls)"
HTTPVET_INTEGRATION=1 \
	HTTPVET_GOLANGCI_LINT="$bin/golangci-lint" \
	HTTPVET_GOPLS="$bin/gopls" \
	go test -count=1 -timeout 20m -v ./integration/
echo "== integration took $((SECONDS - start))s"
