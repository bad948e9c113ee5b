// Command peers measures httpvet against the test suites of the linters it
// can replace: timakin/bodyclose, sonatard/noctx, golangci-lint's own
// bodyclose and noctx tests, and gosec's G112 and G114 samples. It prints,
// per suite, how many diagnostics the suite expects and how many of them
// httpvet reports in its default mode and in strict mode, with every miss
// and every extra finding of strict mode to read:
//
//	go run ./bench/peers [-httpvet=BIN] [-v]
//
// It downloads each peer's module at a pinned version through the Go
// module proxy (go mod download), takes the peer's own test inputs —
// analysistest files with their `// want` comments, golangci-lint's test
// files, gosec's samples (Go source held in string literals, each with the
// number of issues expected) — writes them to a temporary GOPATH and runs
// the standalone httpvet on them in GOPATH mode, as analysistest lays them
// out, once with no flags and once strict: with -strict when the binary
// lists it in -help, otherwise with the strictest per-analyzer flags.
//
// Only the findings of the analyzer that does the peer's job count:
// bodyclose for bodyclose, reqctx for noctx, timeouts for gosec. A finding
// on a line a `// want` comment marks agrees with it; one on another line
// agrees too, counted apart and listed, when it lies in the same statement
// or in the same function on a statement that assigns a variable the
// other uses (noctx marks the call `f(url)`, httpvet the function value
// `f := http.Get`; timakin marks `resp, err := http.Get(…)`, httpvet the
// `resp.Body.Close()` that closes it unread). The rest are misses and
// extras. gosec's samples expect a number of issues per sample: there the
// findings about the missing header timeout (G112's concern; a finding
// about IdleTimeout alone is an extra) or about the serve call (G114)
// agree up to that number. The peers' suppression comments
// (//nolint:bodyclose, // #nosec G112, …) are rewritten to
// //httpvet:ignore as docs/migrating.md says before httpvet runs.
// noctx's expectations about database/sql, net, crypto/tls and
// os/exec are out of httpvet's scope and only counted. go vet's own
// httpresponse analyzer is out of scope too: go vet runs it already.
//
// It needs the network (the module proxy) and is not part of go test.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

func main() {
	bin := flag.String("httpvet", "", "httpvet `binary` to measure (default: built from this checkout)")
	verbose := flag.Bool("v", false, "also list the misses and extras of default mode")
	keep := flag.Bool("keep", false, "keep the temporary GOPATHs (their directory is printed)")
	flag.Parse()
	log.SetFlags(0)

	tmp, err := os.MkdirTemp("", "httpvet-peers")
	if err != nil {
		log.Fatal(err)
	}
	if *keep {
		log.Printf("inputs in %s", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	if *bin == "" {
		*bin = filepath.Join(tmp, "httpvet")
		if out, err := exec.Command("go", "build", "-o", *bin, "./cmd/httpvet").CombinedOutput(); err != nil {
			log.Fatalf("go build ./cmd/httpvet: %v\n%s", err, out)
		}
	}
	modes := []mode{{"default", nil}, {"strict", strictFlags(*bin)}}

	var rows []row
	for i, p := range peers {
		r, err := measure(p, *bin, filepath.Join(tmp, fmt.Sprint(i)), modes)
		if err != nil {
			log.Fatalf("%s: %v", p.name, err)
		}
		rows = append(rows, r)
	}
	render(os.Stdout, rows, modes, *verbose)
}

// A mode is a set of httpvet flags the suites run under.
type mode struct {
	name  string
	flags []string
}

// A row is one peer's tallies, one per mode.
type row struct {
	peer    peer
	tallies []tally
}

func measure(p peer, bin, gopath string, modes []mode) (row, error) {
	dir, err := download(p.module, p.version)
	if err != nil {
		return row{}, err
	}
	pkgs, err := p.load(dir)
	if err != nil {
		return row{}, err
	}
	if err := writeGOPATH(gopath, pkgs); err != nil {
		return row{}, err
	}
	r := row{peer: p}
	for _, m := range modes {
		start := time.Now()
		findings, errs, err := runHTTPVet(bin, gopath, m.flags, pkgs)
		if err != nil {
			return row{}, err
		}
		log.Printf("%s, %s: %d findings in %.1fs", p.name, m.name, len(findings), time.Since(start).Seconds())
		t := compare(gopath, p, pkgs, findings)
		t.errors = errs
		r.tallies = append(r.tallies, t)
	}
	return r, nil
}

func flagsText(m mode) string {
	if len(m.flags) == 0 {
		return "no flags"
	}
	return "`" + strings.Join(m.flags, " ") + "`"
}
