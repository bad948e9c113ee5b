package analyzers_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/httpvet/httpvet/analyzers"
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
