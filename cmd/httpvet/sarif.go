package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/internal/strict"
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
	cols := &columns{src: make(sources)}
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
			RuleID:    f.analyzer,
			RuleIndex: ruleIndex[f.analyzer],
			Level:     sarifLevel(f.Category),
			Message:   sarifText{strict.Plain(f.Message, f.Category)},
			Locations: []sarifLocation{{sarifPhysical{
				ArtifactLocation: artifact(root, f.posn.file),
				Region:           cols.region(f.posn, f.end),
			}}},
		}
		for _, fix := range f.SuggestedFixes {
			if _, _, ok := resolve(fix, cols.src); !ok {
				continue // its offsets are not into the file as written
			}
			sfix := sarifFix{Description: sarifText{fix.Message}}
			byFile := make(map[string]int) // index in ArtifactChanges
			for _, e := range fix.Edits {
				i, ok := byFile[e.Filename]
				if !ok {
					i = len(sfix.ArtifactChanges)
					byFile[e.Filename] = i
					sfix.ArtifactChanges = append(sfix.ArtifactChanges, sarifArtifactChange{ArtifactLocation: artifact(root, e.Filename)})
				}
				ac := &sfix.ArtifactChanges[i]
				ac.Replacements = append(ac.Replacements, sarifReplacement{
					DeletedRegion:   cols.region(cols.at(e.Filename, e.Start), cols.at(e.Filename, e.End)),
					InsertedContent: sarifText{e.New},
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

// moduleRoot is the directory of the main module (go env GOMOD), or the
// current directory outside a module.
func moduleRoot(gocmd string) string {
	out, err := exec.Command(gocmd, "env", "GOMOD").Output()
	if gomod := strings.TrimSpace(string(out)); err == nil && filepath.IsAbs(gomod) && filepath.Base(gomod) == "go.mod" {
		return filepath.Dir(gomod)
	}
	dir, _ := os.Getwd()
	return dir
}

// columns converts Go's byte columns to SARIF's default UTF-16 columns.
type columns struct {
	src sources
}

func (c *columns) region(start, end position) sarifRegion {
	return sarifRegion{
		StartLine:   start.line,
		StartColumn: c.utf16(start),
		EndLine:     end.line,
		EndColumn:   c.utf16(end),
	}
}

// at is the position (line, byte column) of offset off in file.
func (c *columns) at(file string, off int) position {
	data := c.src.read(file)
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	return position{file, line, off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1}
}

func (c *columns) utf16(p position) int {
	data := c.src.read(p.file)
	// Find the start of line p.line.
	off := 0
	for line := 1; line < p.line; line++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return p.col // not this file's text: keep the byte column
		}
		off += i + 1
	}
	if p.col < 1 || off+p.col-1 > len(data) {
		return p.col
	}
	return len(utf16.Encode([]rune(string(data[off:off+p.col-1])))) + 1
}

// sarifLevel is a finding's SARIF level: "warning" for a cost finding,
// "note" for a contract one (strict mode's).
func sarifLevel(category string) string {
	if strict.IsContract(category) {
		return "note"
	}
	return "warning"
}
