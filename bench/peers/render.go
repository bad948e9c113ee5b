package main

import (
	"fmt"
	"io"
	"strings"
)

// render prints the table and the items to read, in Markdown.
func render(w io.Writer, rows []row, modes []mode, verbose bool) {
	fmt.Fprintf(w, "Modes: ")
	for i, m := range modes {
		if i > 0 {
			fmt.Fprint(w, "; ")
		}
		fmt.Fprintf(w, "%s: %s", m.name, flagsText(m))
	}
	fmt.Fprint(w, ".\n\n| peer suite | analyzer | expected |")
	for _, m := range modes {
		fmt.Fprintf(w, " %s: agree | miss | extra |", m.name)
	}
	fmt.Fprint(w, "\n|---|---|---:|")
	for range modes {
		fmt.Fprint(w, "---:|---:|---:|")
	}
	fmt.Fprintln(w)
	sums := make([]tally, len(modes))
	for _, r := range rows {
		p := r.peer
		expected := fmt.Sprint(r.tallies[0].expected)
		if n := r.tallies[0].outOfScope; n > 0 {
			expected += fmt.Sprintf(" (+%d out of scope)", n)
		}
		fmt.Fprintf(w, "| %s (%s) | %s | %s |", p.name, p.version, p.analyzer, expected)
		for i, t := range r.tallies {
			fmt.Fprintf(w, " %s | %d | %d |", agreeText(t), len(t.misses), len(t.extras))
			sums[i].add(t)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "| **all** | | %d |", sums[0].expected)
	for _, t := range sums {
		fmt.Fprintf(w, " %s | %d | %d |", agreeText(t), len(t.misses), len(t.extras))
	}
	migrated := 0
	for _, r := range rows {
		migrated += r.tallies[0].migrated
	}
	fmt.Fprintf(w, "\n\nagree: on the line the peer's test marks (+N: on another line, about the same statement or variable; listed below). "+
		"Peer suppression comments rewritten to `//httpvet:ignore` as docs/migrating.md says: %d.\n", migrated)

	for i, m := range modes {
		if i == 0 && !verbose {
			continue
		}
		for _, r := range rows {
			t := r.tallies[i]
			if len(t.misses)+len(t.extras)+len(t.others)+len(t.counted)+len(t.errors) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n### %s, %s\n", r.peer.name, m.name)
			list(w, "miss", t.misses)
			list(w, "extra", t.extras)
			list(w, "agree on another line", t.others)
			list(w, "agree by count", t.counted)
			for _, e := range t.errors {
				fmt.Fprintf(w, "- error: %s\n", e)
			}
		}
	}
}

func agreeText(t tally) string {
	if t.otherLine == 0 {
		return fmt.Sprint(t.agree)
	}
	return fmt.Sprintf("%d (+%d)", t.agree, t.otherLine)
}

func (t *tally) add(u tally) {
	t.expected += u.expected
	t.agree += u.agree
	t.otherLine += u.otherLine
	t.misses = append(t.misses, u.misses...)
	t.extras = append(t.extras, u.extras...)
}

func list(w io.Writer, kind string, items []item) {
	for _, it := range items {
		fmt.Fprintf(w, "- %s `%s`: %s", kind, it.where, strings.ReplaceAll(it.text, "\n", " "))
		if it.code != "" {
			fmt.Fprintf(w, " — `%s`", it.code)
		}
		fmt.Fprintln(w)
	}
}
