package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/httpvet/httpvet/analyzers"
)

// render returns the results table: findings, fixes, errors, and the
// median times and peak RSS of httpvet next to the floors and the peer.
func render(results []*result) string {
	var names []string
	for _, a := range analyzers.Suite {
		names = append(names, a.Name)
	}
	var b strings.Builder
	header := "| module | pkgs | " + strings.Join(names, " | ") + " | timakin bodyclose | gosec G112/G114 | fixes applied/built/left | errors | httpvet/floor (wall) | httpvet/floor (CPU) | httpvet/bodyclose (wall) | RSS httpvet/floor |"
	align := "|---|---:|" + strings.Repeat("---:|", len(names)) + "---:|---:|---|---:|---:|---:|---:|---:|"
	timeCols := 4
	if *floors {
		header += " httpvet/fact floor (wall) | httpvet/fact floor (CPU) | RSS httpvet/fact floor | wall s: floor, fact floor, httpvet | RSS MB: floor, fact floor, httpvet |"
		align += "---:|---:|---:|---:|---:|"
		timeCols += 5
	}
	b.WriteString(header + " httpvet's peak-RSS package |\n")
	b.WriteString(align + "---|\n")
	total := make(map[string]time.Duration)
	totalCPU := make(map[string]time.Duration)
	for _, r := range results {
		if r.skipped != "" {
			fmt.Fprintf(&b, "| %s | skipped: %s |\n", r.name, r.skipped)
			continue
		}
		renderCounts(&b, r, names)
		if r.times == nil {
			fmt.Fprintf(&b, "%s %s |\n", strings.Repeat(" – |", timeCols), r.peaks["httpvet"])
			continue
		}
		renderTimes(&b, r, total, totalCPU)
		fmt.Fprintf(&b, " %s |\n", r.peaks["httpvet"])
	}
	if total["noop"] > 0 {
		fmt.Fprintf(&b, "\nSum of median wall times: floor (no-op vet tool) %s, httpvet %s (%s), timakin/bodyclose %s; httpvet/bodyclose %s. CPU: floor %s, httpvet %s (%s).\n",
			total["noop"].Round(time.Second), total["httpvet"].Round(time.Second), ratio(total["httpvet"], total["noop"]),
			total["bodyclose"].Round(time.Second), ratio(total["httpvet"], total["bodyclose"]),
			totalCPU["noop"].Round(time.Second), totalCPU["httpvet"].Round(time.Second), ratio(totalCPU["httpvet"], totalCPU["noop"]))
		if *floors {
			fmt.Fprintf(&b, "Fact floor (no-op carrying a fact type): wall %s, httpvet/fact floor %s; CPU %s, httpvet/fact floor %s.\n",
				total["noopfacts"].Round(time.Second), ratio(total["httpvet"], total["noopfacts"]),
				totalCPU["noopfacts"].Round(time.Second), ratio(totalCPU["httpvet"], totalCPU["noopfacts"]))
		}
	}
	b.WriteString(peakTable(results))
	return b.String()
}

// renderCounts writes the start of r's row: its packages, the findings
// of each analyzer (names), the peers', the fixes and the errors.
func renderCounts(b *strings.Builder, r *result, names []string) {
	fmt.Fprintf(b, "| %s | %d |", r.name, r.pkgs)
	for _, n := range names {
		fmt.Fprintf(b, " %d |", len(r.findings[n]))
	}
	gs := "–"
	if *gosec != "" && r.name != "std" {
		gs = fmt.Sprint(r.gosec)
	}
	tk := "–"
	if *bodyclose != "" {
		tk = fmt.Sprint(r.timakin)
	}
	fx := r.fixed
	if fx == "" {
		fx = "–"
	}
	fmt.Fprintf(b, " %s | %s | %s | %d |", tk, gs, fx, r.errors)
}

// renderTimes writes the time and RSS ratios of r's row, and adds its
// median wall and CPU times to total and totalCPU.
func renderTimes(b *strings.Builder, r *result, total, totalCPU map[string]time.Duration) {
	med := func(tool string, f func(run) time.Duration) time.Duration {
		var ds []time.Duration
		for _, x := range r.times[tool] {
			ds = append(ds, f(x))
		}
		if len(ds) == 0 {
			return 0
		}
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	wall := func(x run) time.Duration { return x.Wall }
	cpu := func(x run) time.Duration { return x.CPU }
	rss := func(x run) time.Duration { return time.Duration(x.RSSKB) }
	for _, t := range []string{"noop", "noopfacts", "httpvet", "bodyclose"} {
		total[t] += med(t, wall)
		totalCPU[t] += med(t, cpu)
	}
	fmt.Fprintf(b, " %s | %s | %s | %s |",
		ratio(med("httpvet", wall), med("noop", wall)),
		ratio(med("httpvet", cpu), med("noop", cpu)),
		ratio(med("httpvet", wall), med("bodyclose", wall)),
		ratio(med("httpvet", rss), med("noop", rss)))
	if *floors {
		mb := func(t string) int64 { return (int64(med(t, rss)) + 512) / 1024 }
		fmt.Fprintf(b, " %s | %s | %s | %.1f, %.1f, %.1f | %d, %d, %d |",
			ratio(med("httpvet", wall), med("noopfacts", wall)),
			ratio(med("httpvet", cpu), med("noopfacts", cpu)),
			ratio(med("httpvet", rss), med("noopfacts", rss)),
			med("noop", wall).Seconds(), med("noopfacts", wall).Seconds(), med("httpvet", wall).Seconds(),
			mb("noop"), mb("noopfacts"), mb("httpvet"))
	}
}

func ratio(a, b time.Duration) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", float64(a)/float64(b))
}
