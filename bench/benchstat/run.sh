#!/bin/sh
# Alternating before/after benchmark runs for bench/benchstat (see README.md).
# Usage: run.sh BEFORE_TREE AFTER_TREE OUTDIR ROUNDS [shared]
# (with "shared", only bench/benchstat's BenchmarkShared).
# Builds each tree's test binaries once, then runs them in rounds of
# -count=1, the order of the trees swapped every round, so that the
# machine's noise falls on both alike.
set -eu
before=$1 after=$2 out=$3 rounds=$4 only=${5:-}
bin=$(mktemp -d)
pkgs="bodyclose timeouts getbody deadlineconn"
[ "$only" = shared ] && pkgs=
for t in before after; do
	eval dir=\$$t
	mkdir -p "$bin/$t"
	for p in $pkgs; do
		(cd "$dir" && GOWORK=off go test -c -o "$bin/$t/$p.test" "./$p/")
	done
	(cd "$dir" && GOWORK=off go test -c -tags benchstat -o "$bin/$t/shared.test" ./bench/benchstat/)
	[ -n "$pkgs" ] && : >"$out/$t.txt"
	: >"$out/shared-$t.txt"
done
runtree() {
	t=$1
	eval dir=\$$t
	for p in $pkgs; do
		(cd "$dir/$p" && GOWORK=off "$bin/$t/$p.test" -test.run '^$' -test.bench . -test.benchmem -test.count=1) >>"$out/$t.txt"
	done
	(cd "$dir/bench/benchstat" && GOWORK=off "$bin/$t/shared.test" -test.run '^$' -test.bench . -test.benchmem -test.count=1) >>"$out/shared-$t.txt"
}
i=1
while [ "$i" -le "$rounds" ]; do
	date -u +"round $i %H:%M:%S" >&2
	if [ $((i % 2)) -eq 1 ]; then runtree before; runtree after; else runtree after; runtree before; fi
	i=$((i + 1))
done
rm -r "$bin"
