package main

import (
	"go/scanner"
	"go/token"
	"regexp"
	"strings"
)

// peerDirective matches a peer's suppression comment: golangci-lint's
// //nolint:bodyclose or //nolint:noctx, gosec's // #nosec G112 and
// //gosec:disable G114 (a #nosec without rules silences every rule). The
// groups: the rule list, and the reason after it.
var peerDirective = regexp.MustCompile(`^//\s*(?:nolint:([\w,-]*\b(?:bodyclose|noctx)\b[\w,-]*)|#nosec((?:\s+G11[24])*)|gosec:disable((?:\s+G11[24])+))\s*(?:-+\s*)?(.*)$`)

// migrateSuppressions rewrites the peers' suppression comments in src as
// docs/migrating.md tells a team to: into //httpvet:ignore NAME reason,
// with the httpvet analyzer that does the peer's job. It returns the new
// source and how many comments it rewrote.
func migrateSuppressions(src []byte) ([]byte, int) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile("", -1, len(src)), src, nil, scanner.ScanComments)
	var out strings.Builder
	last, n := 0, 0
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok != token.COMMENT {
			continue
		}
		ignore, ok := migrateDirective(lit)
		if !ok {
			continue
		}
		off := fset.Position(pos).Offset
		out.Write(src[last:off])
		out.WriteString(ignore)
		last = off + len(lit)
		n++
	}
	out.Write(src[last:])
	return []byte(out.String()), n
}

// migrateDirective returns the //httpvet:ignore comment that stands for
// a peer's suppression comment.
func migrateDirective(comment string) (string, bool) {
	m := peerDirective.FindStringSubmatch(comment)
	if m == nil {
		return "", false
	}
	var name string
	switch {
	case m[1] != "":
		var names []string
		for _, linter := range strings.Split(m[1], ",") {
			if n := map[string]string{"bodyclose": "bodyclose", "noctx": "reqctx"}[linter]; n != "" {
				names = append(names, n)
			}
		}
		name = strings.Join(names, ",")
	case strings.TrimSpace(m[2]+m[3]) != "":
		name = "timeouts"
	default:
		name = "all" // a bare #nosec silences every rule
	}
	reason := strings.TrimSpace(m[4])
	if reason == "" {
		reason = "migrated from " + comment
	}
	return "//httpvet:ignore " + name + " " + reason, true
}
