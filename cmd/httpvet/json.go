package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/httpvet/httpvet/internal/strict"
)

// The JSON output is go vet's -json format: package ID → analyzer name →
// findings. go vet writes one such tree per package; httpvet -json writes
// one tree for them all, and adds each finding's class. Edits are byte offsets into the file named, as
// go vet writes them.
type jsonFinding struct {
	Category string `json:"category,omitempty"`
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
	// Class is httpvet's, beside go vet's fields: "cost" or "contract"
	// (strict.Class of the Category).
	Class          string        `json:"class,omitempty"`
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

// printJSON prints the findings as one JSON tree, as go vet -json does
// for a package.
func printJSON(w io.Writer, findings []*finding) error {
	tree := make(map[string]map[string][]jsonFinding)
	for _, f := range findings {
		byAnalyzer := tree[f.pkg]
		if byAnalyzer == nil {
			byAnalyzer = make(map[string][]jsonFinding)
			tree[f.pkg] = byAnalyzer
		}
		jf := f.jsonFinding
		jf.Class = strict.Class(jf.Category)
		jf.Message = strict.Plain(jf.Message, jf.Category)
		byAnalyzer[f.analyzer] = append(byAnalyzer[f.analyzer], jf)
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}
