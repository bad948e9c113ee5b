package analyzers_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/internal/suppress"
)

// Every analyzer's URL must name a page of this repository that exists, and
// a heading in it when the URL has a fragment: users and editors follow it.
func TestAnalyzerURLsResolve(t *testing.T) {
	const prefix = "https://github.com/httpvet/httpvet/blob/main/"
	for _, a := range analyzers.Suite {
		if !strings.HasPrefix(a.URL, prefix) {
			t.Errorf("%s: URL %q is not a page of the repository (%s…)", a.Name, a.URL, prefix)
			continue
		}
		page, fragment, _ := strings.Cut(strings.TrimPrefix(a.URL, prefix), "#")
		content, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(page)))
		if err != nil {
			t.Errorf("%s: URL %q: %v", a.Name, a.URL, err)
			continue
		}
		if fragment != "" && !hasHeading(string(content), fragment) {
			t.Errorf("%s: URL %q: no heading %q in %s", a.Name, a.URL, fragment, page)
		}
		if !strings.HasPrefix(string(content), "# "+a.Name+"\n") {
			t.Errorf("%s: %s does not start with the heading %q", a.Name, page, "# "+a.Name)
		}
	}
}

// The suppression directive's URL (shown by go vet -json and gopls next to
// a malformed directive) must resolve to a heading too.
func TestSuppressURLResolves(t *testing.T) {
	const prefix = "https://github.com/httpvet/httpvet/blob/main/"
	page, fragment, _ := strings.Cut(strings.TrimPrefix(suppress.Analyzer.URL, prefix), "#")
	content, err := os.ReadFile(filepath.Join("..", filepath.FromSlash(page)))
	if !strings.HasPrefix(suppress.Analyzer.URL, prefix) || err != nil || fragment == "" {
		t.Fatalf("suppress URL %q is not a heading of a page of the repository: %v", suppress.Analyzer.URL, err)
	}
	if !hasHeading(string(content), fragment) {
		t.Errorf("suppress URL %q: no heading %q in %s", suppress.Analyzer.URL, fragment, page)
	}
}

// A directive may name exactly the analyzers of the suite.
func TestSuppressKnowsTheSuite(t *testing.T) {
	var names []string
	for _, a := range analyzers.Suite {
		names = append(names, a.Name)
	}
	if strings.Join(names, ",") != strings.Join(suppress.Analyzers, ",") {
		t.Errorf("suppress.Analyzers = %v, want the suite's names %v", suppress.Analyzers, names)
	}
}

// hasHeading reports whether markdown has a heading whose GitHub anchor is anchor.
func hasHeading(markdown, anchor string) bool {
	drop := regexp.MustCompile("[^a-z0-9 _-]")
	for _, line := range strings.Split(markdown, "\n") {
		if !strings.HasPrefix(line, "#") {
			continue
		}
		title := strings.ToLower(strings.TrimSpace(strings.TrimLeft(line, "#")))
		if strings.ReplaceAll(drop.ReplaceAllString(title, ""), " ", "-") == anchor {
			return true
		}
	}
	return false
}
