#!/usr/bin/env bash
# Builds, from the Go module proxy plus this repository, the two binaries that
# carry the httpvet suite:
#
#   golangci-lint  github.com/golangci/golangci-lint/v2 with the httpvet module
#                  plugin (what `golangci-lint custom` builds, without cloning
#                  golangci-lint from GitHub)
#   gopls          golang.org/x/tools/gopls with the httpvet analyzers added to
#                  its analyzer list
#
# Each build copies the released module out of the module cache
# (`go mod download -json`), adds ONE file (no existing file is changed),
# points a replace directive at this repository and runs `go build`.
# Only Go and a module proxy are needed.
#
# Usage: integration/build.sh [golangci-lint|gopls|all] [OUTDIR]
#   OUTDIR defaults to ${TMPDIR:-/tmp}/httpvet-integration/bin; the module
#   copies go to ${TMPDIR:-/tmp}/httpvet-build (replaced on each build).
#   Versions: HTTPVET_GOLANGCI_LINT_VERSION
#   (default v2.15.0), HTTPVET_GOPLS_VERSION (default v0.23.0).
#   HTTPVET_GOLANGCI_EXTRA: more packages (import paths, space-separated) to
#   link into golangci-lint; the integration test adds a test-only plugin.
set -euo pipefail

what=${1:-all}
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-${TMPDIR:-/tmp}/httpvet-integration/bin}
mkdir -p "$out"
out=$(cd "$out" && pwd)
src=${TMPDIR:-/tmp}/httpvet-build
mkdir -p "$src"

gcl_version=${HTTPVET_GOLANGCI_LINT_VERSION:-v2.15.0}
gopls_version=${HTTPVET_GOPLS_VERSION:-v0.23.0}

# The copies are separate modules: never the caller's workspace or -mod flag.
export GOWORK=off
export GOFLAGS="-mod=mod -buildvcs=false"

# fetch MODULE@VERSION DEST: copy the module's source out of the module cache
# into DEST, writable.
fetch() {
	local dir
	dir=$(cd "$src" && GOFLAGS=-buildvcs=false go mod download -json "$1" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
	if [ -z "$dir" ] || [ ! -d "$dir" ]; then
		echo "build.sh: go mod download $1 gave no directory" >&2
		exit 1
	fi
	rm -rf "$2"
	cp -R "$dir" "$2"
	chmod -R u+w "$2"
}

# pin DIR: require and replace github.com/httpvet/httpvet by this repository.
pin() {
	(cd "$1" &&
		go mod edit -require=github.com/httpvet/httpvet@v0.0.0-00010101000000-000000000000 \
			-replace=github.com/httpvet/httpvet="$repo")
}

build_golangci_lint() {
	local dir=$src/golangci-lint-$gcl_version
	local start=$SECONDS
	echo "== building golangci-lint $gcl_version with the httpvet plugin"
	fetch "github.com/golangci/golangci-lint/v2@$gcl_version" "$dir"
	{
		echo 'package main'
		echo
		echo "// Added by httpvet's integration/build.sh: the httpvet module plugin."
		echo 'import _ "github.com/httpvet/httpvet/golangci"'
		for p in ${HTTPVET_GOLANGCI_EXTRA:-}; do
			echo "import _ \"$p\""
		done
	} >"$dir/cmd/golangci-lint/plugin_httpvet.go"
	pin "$dir"
	(cd "$dir" && go build -trimpath \
		-ldflags "-s -w -X 'main.version=${gcl_version#v}-httpvet' -X 'main.date=$(date -u +%Y-%m-%dT%H:%M:%SZ)'" \
		-o "$out/golangci-lint" ./cmd/golangci-lint)
	echo "   $out/golangci-lint ($((SECONDS - start))s)"
}

build_gopls() {
	local dir=$src/gopls-$gopls_version
	local start=$SECONDS
	echo "== building gopls $gopls_version with the httpvet analyzers"
	fetch "golang.org/x/tools/gopls@$gopls_version" "$dir"
	# settings.AllAnalyzers is a package variable, initialized before any
	# init function of the package runs and read only when analysis runs:
	# appending to it from init adds the analyzers to every session, enabled
	# by default, configurable with "analyses": {"NAME": false}. gopls has no
	# setting for analyzer flags: HTTPVET_STRICT=1 in gopls's environment is
	# httpvet's -strict.
	cat >"$dir/internal/settings/httpvet.go" <<'EOF'
package settings

// Added by httpvet's integration/build.sh: the httpvet analyzers.

import (
	"os"
	"strconv"

	"github.com/httpvet/httpvet/analyzers"
)

func init() {
	if on, err := strconv.ParseBool(os.Getenv("HTTPVET_STRICT")); err == nil {
		analyzers.SetStrict(on)
	}
	for _, a := range analyzers.Suite {
		AllAnalyzers = append(AllAnalyzers, &Analyzer{analyzer: a})
	}
}
EOF
	pin "$dir"
	(cd "$dir" && go build -trimpath \
		-ldflags "-s -w" \
		-o "$out/gopls" .)
	echo "   $out/gopls ($((SECONDS - start))s)"
}

case $what in
golangci-lint) build_golangci_lint ;;
gopls) build_gopls ;;
all)
	build_golangci_lint
	build_gopls
	;;
*)
	echo "usage: $0 [golangci-lint|gopls|all] [OUTDIR]" >&2
	exit 2
	;;
esac
