#!/usr/bin/env bash
# fetch.sh [NAME...]: download the corpus modules (bench/corpus.txt) through
# the Go module proxy into writable copies under $HTTPVET_CORPUS
# (default /tmp/httpvet-corpus), one directory per name, without go.work.
# Prints "name dir" for each module that downloaded.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${HTTPVET_CORPUS:-/tmp/httpvet-corpus}
mkdir -p "$root"
want=" $* "
grep -v '^#' "$here/corpus.txt" | while read -r name mod ver; do
  [ -n "$name" ] || continue
  if [ "$#" -gt 0 ] && [[ "$want" != *" $name "* ]]; then continue; fi
  dst="$root/$name"
  if [ ! -f "$dst/go.mod" ]; then
    tmp=$(mktemp -d)
    (cd "$tmp" && GOWORK=off GOFLAGS=-mod=mod go mod download -json "$mod@$ver" >"$tmp/dl.json") || { echo "$name: download failed" >&2; continue; }
    src=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p' "$tmp/dl.json")
    rm -rf "$dst" && cp -r "$src" "$dst" && chmod -R u+w "$dst" && rm -f "$dst/go.work" "$dst/go.work.sum"
    rm -rf "$tmp"
  fi
  echo "$name $dst"
done
