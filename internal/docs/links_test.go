package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// root is the module root, from this package's directory.
const root = "../.."

// The README is the front page: what httpvet is, how to try it, install
// and run it. Reference material goes to docs/.
const maxReadme = 15_000

func TestReadmeSize(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > maxReadme {
		t.Errorf("README.md is %d bytes, over %d: move reference material to docs/", len(b), maxReadme)
	}
}

// The first command block of the README is the demo, then the tests: a
// new reader runs them first, and CI looks for the second.
func TestReadmeFirstCommands(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```sh\n(.*?)```").FindStringSubmatch(string(b))
	want := "go run ./cmd/httpvet ./testdata/demo\ngo test ./...\n"
	if blocks == nil || blocks[1] != want {
		t.Errorf("README's first sh block is not\n%s", want)
	}
}

// Every relative link of README.md and docs/*.md names a file that exists
// and, with a #fragment, a heading of that file.
func TestRelativeLinks(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(root, "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	files = append([]string{filepath.Join(root, "README.md")}, files...)
	checked := 0
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links(string(b)) {
			target, fragment, _ := strings.Cut(l.target, "#")
			path := file
			if target != "" {
				path = filepath.Join(filepath.Dir(file), filepath.FromSlash(target))
			}
			rel, _ := filepath.Rel(root, file)
			fi, err := os.Stat(path)
			if err != nil {
				t.Errorf("%s:%d: link %s: no such file", rel, l.line, l.target)
				continue
			}
			checked++
			if fragment == "" {
				continue
			}
			if fi.IsDir() || !strings.HasSuffix(path, ".md") {
				t.Errorf("%s:%d: link %s: a fragment of a file that is not markdown", rel, l.line, l.target)
				continue
			}
			content, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !anchors(string(content))[fragment] {
				t.Errorf("%s:%d: link %s: no heading #%s there", rel, l.line, l.target, fragment)
			}
		}
	}
	if checked == 0 {
		t.Error("no relative link checked")
	}
}

type link struct {
	target string
	line   int
}

var (
	linkRE = regexp.MustCompile(`\]\(([^()\s]+)\)`)
	codeRE = regexp.MustCompile("`[^`]*`")
)

// links returns the relative link targets of markdown text, outside
// fenced code blocks and code spans.
func links(text string) []link {
	var out []link
	fenced := false
	for i, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced {
			continue
		}
		line = codeRE.ReplaceAllString(line, "")
		for _, m := range linkRE.FindAllStringSubmatch(line, -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			out = append(out, link{target, i + 1})
		}
	}
	return out
}

// anchors returns the fragments GitHub gives the headings of markdown
// text: lower case, punctuation dropped, spaces as hyphens, -1, -2… for
// repeats.
func anchors(text string) map[string]bool {
	out := map[string]bool{}
	seen := map[string]int{}
	fenced := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if fenced || !strings.HasPrefix(line, "#") {
			continue
		}
		title := strings.TrimSpace(strings.TrimLeft(line, "#"))
		var slug strings.Builder
		for _, r := range strings.ToLower(title) {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
				slug.WriteRune(r)
			case r == ' ':
				slug.WriteRune('-')
			}
		}
		s := slug.String()
		if n := seen[s]; n > 0 {
			out[s+"-"+strconv.Itoa(n)] = true
		} else {
			out[s] = true
		}
		seen[s]++
	}
	return out
}

func TestAnchors(t *testing.T) {
	got := anchors("# httpvet\n## Test code\n```sh\n# not a heading\n```\n## gopls (editor diagnostics and quick fixes)\n## `go tool`\n## Tests\n## Tests\n")
	for _, want := range []string{"httpvet", "test-code", "gopls-editor-diagnostics-and-quick-fixes", "go-tool", "tests", "tests-1"} {
		if !got[want] {
			t.Errorf("anchors lack %q: %v", want, got)
		}
	}
	if got["not-a-heading"] {
		t.Errorf("a comment in a code block is not a heading")
	}
}
