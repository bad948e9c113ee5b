// Command gendocs writes docs/NAME.md for every analyzer of the suite from
// its documentation, the "# Analyzer NAME" section of NAME/doc.go:
//
//	go generate ./internal/docs
//
// internal/docs's tests fail when a committed page differs from what it
// writes.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/httpvet/httpvet/analyzers"
	"github.com/httpvet/httpvet/internal/docs"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gendocs DIR (the repository's docs/)")
		os.Exit(2)
	}
	for _, a := range analyzers.Suite {
		file := filepath.Join(os.Args[1], a.Name+".md")
		if err := os.WriteFile(file, docs.Markdown(a.Name, a.Doc), 0o666); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
