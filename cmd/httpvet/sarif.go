package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"golang.org/x/tools/go/packages"

	"github.com/httpvet/httpvet/analyzers"
)

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/), the
// subset GitHub code scanning reads: one run, one rule per analyzer, and
// results whose locations are relative to the module root (%SRCROOT%).

type sarifLog struct {
	Version string     `json:"version"`
	Schema  string     `json:"$schema"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind"`
	Results            []sarifResult               `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name"`
	ShortDescription     sarifText    `json:"shortDescription"`
	FullDescription      sarifText    `json:"fullDescription"`
	Help                 sarifText    `json:"help"`
	HelpURI              string       `json:"helpUri"`
	DefaultConfiguration sarifDefault `json:"defaultConfiguration"`
}

type sarifDefault struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           sarifRegion      `json:"region"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

const srcRoot = "%SRCROOT%"

// printSARIF prints the findings as a SARIF log with file locations
// relative to root.
func printSARIF(w io.Writer, findings []*finding, root string) error {
	driver := sarifDriver{
		Name:           "httpvet",
		Version:        moduleVersion(),
		InformationURI: "https://" + modulePath,
	}
	ruleIndex := make(map[string]int)
	for i, a := range analyzers.Suite {
		ruleIndex[a.Name] = i
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifText{summary(a)},
			FullDescription:      sarifText{fullDescription(a.Doc)},
			Help:                 sarifText{strings.TrimSpace(a.Doc) + "\n\nReference: " + a.URL},
			HelpURI:              a.URL,
			DefaultConfiguration: sarifDefault{"warning"},
		})
	}
	cols := &columns{files: make(map[string][]byte)}
	run := sarifRun{
		Tool:       sarifTool{driver},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	if root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(root) + "/"}}
	}
	for _, f := range findings {
		res := sarifResult{
			RuleID:    f.analyzer.Name,
			RuleIndex: ruleIndex[f.analyzer.Name],
			Level:     "warning",
			Message:   sarifText{f.diag.Message},
			Locations: []sarifLocation{{sarifPhysical{
				ArtifactLocation: artifact(root, f.posn.Filename),
				Region:           cols.region(f.posn, f.end),
			}}},
		}
		fset := f.pkg.Fset
		for _, fix := range f.diag.SuggestedFixes {
			sfix := sarifFix{Description: sarifText{fix.Message}}
			byFile := make(map[string]int) // index in ArtifactChanges
			for _, e := range fix.TextEdits {
				start, end := fset.Position(e.Pos), fset.Position(cmp.Or(e.End, e.Pos))
				i, ok := byFile[start.Filename]
				if !ok {
					i = len(sfix.ArtifactChanges)
					byFile[start.Filename] = i
					sfix.ArtifactChanges = append(sfix.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifact(root, start.Filename)})
				}
				ac := &sfix.ArtifactChanges[i]
				ac.Replacements = append(ac.Replacements, sarifReplacement{
					DeletedRegion:   cols.region(start, end),
					InsertedContent: sarifText{string(e.NewText)},
				})
			}
			res.Fixes = append(res.Fixes, sfix)
		}
		run.Results = append(run.Results, res)
	}
	data, err := json.MarshalIndent(sarifLog{
		Version: "2.1.0",
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Runs:    []sarifRun{run},
	}, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// maxDescription is GitHub code scanning's limit on a rule's
// descriptions, in characters.
const maxDescription = 1024

// fullDescription is the first paragraphs of doc (after the "name:
// summary" line) that fit in maxDescription; the whole doc is the rule's
// help.
func fullDescription(doc string) string {
	_, body, _ := strings.Cut(strings.TrimSpace(doc), "\n")
	var desc string
	for _, para := range strings.Split(strings.TrimSpace(body), "\n\n") {
		next := para
		if desc != "" {
			next = desc + "\n\n" + para
		}
		if len([]rune(next)) > maxDescription {
			break
		}
		desc = next
	}
	if desc == "" {
		runes := []rune(strings.TrimSpace(doc))
		desc = string(runes[:min(len(runes), maxDescription)])
	}
	return desc
}

// artifact locates file relative to root when it is inside it.
func artifact(root, file string) sarifArtifactLoc {
	if root != "" {
		if rel, err := filepath.Rel(root, file); err == nil && filepath.IsLocal(rel) {
			return sarifArtifactLoc{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
		}
	}
	return sarifArtifactLoc{URI: fileURI(file)}
}

func fileURI(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// moduleRoot is the directory of the main module of the packages, or the
// current directory.
func moduleRoot(pkgs []*packages.Package) string {
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Main && p.Module.Dir != "" {
			return p.Module.Dir
		}
	}
	dir, _ := os.Getwd()
	return dir
}

// columns converts Go's byte columns to SARIF's default UTF-16 columns.
type columns struct {
	files map[string][]byte
}

func (c *columns) region(start, end token.Position) sarifRegion {
	return sarifRegion{
		StartLine:   start.Line,
		StartColumn: c.utf16(start),
		EndLine:     end.Line,
		EndColumn:   c.utf16(end),
	}
}

func (c *columns) utf16(p token.Position) int {
	data, ok := c.files[p.Filename]
	if !ok {
		data, _ = os.ReadFile(p.Filename)
		c.files[p.Filename] = data
	}
	// Find the start of line p.Line.
	off := 0
	for line := 1; line < p.Line; line++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return p.Column // not this file's text: keep the byte column
		}
		off += i + 1
	}
	if p.Column < 1 || off+p.Column-1 > len(data) {
		return p.Column
	}
	return len(utf16.Encode([]rune(string(data[off:off+p.Column-1])))) + 1
}
