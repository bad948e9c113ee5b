package main_test

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/httpvet/httpvet/analyzers"
)

// The SARIF log of the demo: it parses, has one run with one rule per
// analyzer, and every result names an existing rule and points, relative
// to the module root, at a finding the text output reports.
func TestSARIF(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	text, code := run(t, "../..", bin, "./testdata/demo")
	if code != 3 {
		t.Fatalf("demo: exit %d, want 3:\n%s", code, text)
	}
	// Text findings: "/abs/testdata/demo/file.go:line:col: message".
	want := make(map[string]bool)
	for _, m := range regexp.MustCompile(`(?m)/(testdata/demo/\w+\.go):(\d+):(\d+): `).FindAllStringSubmatch(text, -1) {
		want[m[1]+":"+m[2]+":"+m[3]] = true
	}

	for _, args := range [][]string{{"-sarif", "./testdata/demo"}, {"-format=sarif", "./testdata/demo"}} {
		out, code := run(t, "../..", bin, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d, want 0:\n%s", args[0], code, out)
		}
		var log struct {
			Version string
			Runs    []struct {
				Tool struct {
					Driver struct {
						Name  string
						Rules []struct {
							ID               string
							Name             string
							ShortDescription struct{ Text string }
							FullDescription  struct{ Text string }
							Help             struct{ Text string }
							HelpURI          string
						}
					}
				}
				OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
				Results            []struct {
					RuleID    string
					RuleIndex int
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct {
								URI       string
								URIBaseID string `json:"uriBaseId"`
							}
							Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
						}
					}
					Fixes []struct {
						Description     struct{ Text string }
						ArtifactChanges []struct {
							Replacements []struct {
								InsertedContent struct{ Text string }
							}
						}
					}
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil {
			t.Fatalf("%s: output does not parse: %v\n%s", args[0], err, out)
		}
		if log.Version != "2.1.0" || len(log.Runs) != 1 {
			t.Fatalf("%s: version %q with %d runs, want 2.1.0 with 1", args[0], log.Version, len(log.Runs))
		}
		r := log.Runs[0]
		if root := r.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(root, "file:///") || !strings.HasSuffix(root, "/") {
			t.Errorf("%%SRCROOT%% is %q, want the module root as a file URI", root)
		}
		rules := make(map[string]int)
		for i, rule := range r.Tool.Driver.Rules {
			rules[rule.ID] = i
			if rule.Name != rule.ID || rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" ||
				rule.Help.Text == "" || !strings.HasSuffix(rule.HelpURI, "/docs/"+rule.ID+".md") {
				t.Errorf("rule %+v lacks a name, descriptions, help or its help URI", rule)
			}
			// GitHub code scanning's limit.
			if n := len([]rune(rule.FullDescription.Text)); n > 1024 || len([]rune(rule.ShortDescription.Text)) > 1024 {
				t.Errorf("rule %s: full description of %d characters, want at most 1024", rule.ID, n)
			}
		}
		if len(rules) != len(analyzers.Suite) {
			t.Errorf("%d rules, want one per analyzer (%d)", len(rules), len(analyzers.Suite))
		}
		got := make(map[string]bool)
		fixes := 0
		for _, res := range r.Results {
			if i, ok := rules[res.RuleID]; !ok || i != res.RuleIndex {
				t.Errorf("result of rule %q (index %d): no such rule", res.RuleID, res.RuleIndex)
			}
			if len(res.Locations) != 1 || res.Message.Text == "" {
				t.Fatalf("result %+v: want one location and a message", res)
			}
			loc := res.Locations[0].PhysicalLocation
			if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || strings.Contains(loc.ArtifactLocation.URI, ":") || strings.HasPrefix(loc.ArtifactLocation.URI, "/") {
				t.Errorf("location %+v is not relative to the module root", loc.ArtifactLocation)
			}
			if loc.Region.StartLine == 0 || loc.Region.EndLine < loc.Region.StartLine {
				t.Errorf("region %+v", loc.Region)
			}
			got[fmt.Sprintf("%s:%d:%d", loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn)] = true
			if len(res.Fixes) > 0 {
				fixes++
				if res.Fixes[0].Description.Text == "" || len(res.Fixes[0].ArtifactChanges) == 0 {
					t.Errorf("fix %+v lacks a description or changes", res.Fixes[0])
				}
			}
		}
		if len(got) != len(want) || len(want) == 0 {
			t.Errorf("SARIF locations %v, want the text findings %v", got, want)
		}
		for w := range want {
			if !got[w] {
				t.Errorf("no SARIF result at %s", w)
			}
		}
		if fixes == 0 {
			t.Errorf("no result carries its fixes")
		}
	}
}
