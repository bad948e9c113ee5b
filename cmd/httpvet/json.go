package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
)

// The JSON output is go vet's -json format: package ID → analyzer name →
// findings. A finding in a file shared by a package and its test variant
// is listed once, under the package.
type jsonFinding struct {
	Category       string        `json:"category,omitempty"`
	Posn           string        `json:"posn"`
	End            string        `json:"end"`
	Message        string        `json:"message"`
	SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated `json:"related,omitempty"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

func printJSON(w io.Writer, findings []*finding) error {
	tree := make(map[string]map[string][]jsonFinding)
	for _, f := range findings {
		fset := f.pkg.Fset
		jf := jsonFinding{
			Category: f.diag.Category,
			Posn:     f.posn.String(),
			End:      f.end.String(),
			Message:  f.diag.Message,
		}
		for _, fix := range f.diag.SuggestedFixes {
			jfix := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.TextEdits {
				jfix.Edits = append(jfix.Edits, jsonEdit{
					Filename: fset.Position(e.Pos).Filename,
					Start:    fset.Position(e.Pos).Offset,
					End:      fset.Position(cmp.Or(e.End, e.Pos)).Offset,
					New:      string(e.NewText),
				})
			}
			jf.SuggestedFixes = append(jf.SuggestedFixes, jfix)
		}
		for _, r := range f.diag.Related {
			jf.Related = append(jf.Related, jsonRelated{
				Posn:    fset.Position(r.Pos).String(),
				End:     fset.Position(cmp.Or(r.End, r.Pos)).String(),
				Message: r.Message,
			})
		}
		byAnalyzer := tree[f.pkg.ID]
		if byAnalyzer == nil {
			byAnalyzer = make(map[string][]jsonFinding)
			tree[f.pkg.ID] = byAnalyzer
		}
		byAnalyzer[f.analyzer.Name] = append(byAnalyzer[f.analyzer.Name], jf)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
