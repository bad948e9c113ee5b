package docs_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/internal/docs"
)

// docs/NAME.md is generated from NAME/doc.go: the committed page is what
// go generate ./internal/docs writes.
func TestPagesGenerated(t *testing.T) {
	for _, a := range analyzers.Suite {
		file := filepath.Join("..", "..", "docs", a.Name+".md")
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if want := docs.Markdown(a.Name, a.Doc); !bytes.Equal(got, want) {
			t.Errorf("docs/%s.md is not generated from %s/doc.go: run go generate ./internal/docs", a.Name, a.Name)
		}
	}
}

// Each analyzer's doc has a "# Flags" table that lists every flag of the
// analyzer with its real default, and nothing else.
func TestFlagTables(t *testing.T) {
	for _, a := range analyzers.Suite {
		code, ok := docs.FlagsSection(a.Doc)
		var real []string
		a.Flags.VisitAll(func(f *flag.Flag) { real = append(real, f.Name+"="+f.DefValue) })
		if !ok {
			if len(real) > 0 {
				t.Errorf("%s: its doc has no # Flags section; its flags are %v", a.Name, real)
			}
			continue
		}
		rows, err := docs.ParseFlags(code)
		if err != nil {
			t.Errorf("%s: %v", a.Name, err)
			continue
		}
		var documented []string
		for _, r := range rows {
			if r.Analyzer != a.Name {
				t.Errorf("%s: its flags table lists -%s.%s", a.Name, r.Analyzer, r.Name)
			}
			if r.Meaning == "" {
				t.Errorf("%s: -%s.%s has no meaning in the flags table", a.Name, r.Analyzer, r.Name)
			}
			documented = append(documented, r.Name+"="+r.Default)
		}
		sort.Slice(documented, func(i, j int) bool {
			ni, _, _ := strings.Cut(documented[i], "=")
			nj, _, _ := strings.Cut(documented[j], "=")
			return ni < nj
		})
		if strings.Join(documented, " ") != strings.Join(real, " ") {
			t.Errorf("%s: the flags table says (NAME=DEFAULT, sorted)\n\t%v\nthe analyzer's Flags are\n\t%v", a.Name, documented, real)
		}
	}
}

// The README's table of which analyzers check test code by default
// agrees with the analyzers' flags: -NAME.tests defaults to the answer,
// -NAME.all (reqctx) is off when the answer is no, and an analyzer
// without either always checks test code.
func TestReadmeTestCodeTable(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| ([a-z]+) \\| (yes|no) \\| (none|`-([a-z]+)\\.([a-z]+)(=false)?`)")
	answers := map[string][]string{}
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		answers[m[1]] = m
	}
	for _, a := range analyzers.Suite {
		m := answers[a.Name]
		if m == nil {
			t.Errorf("README's test code table has no row for %s", a.Name)
			continue
		}
		yes := m[2] == "yes"
		tests, all := a.Flags.Lookup("tests"), a.Flags.Lookup("all")
		switch {
		case m[3] == "none":
			if tests != nil || all != nil {
				t.Errorf("README: %s has no test code flag, but it has one", a.Name)
			}
			if !yes {
				t.Errorf("README: %s, without a flag, must check test code", a.Name)
			}
		case m[4] != a.Name:
			t.Errorf("README: %s's row names -%s.%s", a.Name, m[4], m[5])
		case m[5] == "tests":
			if tests == nil || tests.DefValue != map[bool]string{true: "true", false: "false"}[yes] {
				t.Errorf("README: %s checks test code by default: %s; its -tests flag: %v", a.Name, m[2], tests)
			}
			if (m[6] != "") != yes {
				t.Errorf("README: %s's row should name the flag that changes the default", a.Name)
			}
		case m[5] == "all":
			if all == nil || all.DefValue != "false" || yes {
				t.Errorf("README: %s's -all flag: %v, row %q", a.Name, all, m[0])
			}
		default:
			t.Errorf("README: %s's row names an unknown flag -%s.%s", a.Name, m[4], m[5])
		}
	}
}
