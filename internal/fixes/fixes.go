// Package fixes holds the text-edit helpers shared by httpvet's suggested
// fixes: finding the enclosing file, naming or adding an import, and
// removing an import that an edit leaves unused, so that fixed code
// compiles under every driver (gopls applies edits as they are).
package fixes

import (
	"bytes"
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/strict"
)

// File returns the syntax tree of the file of pass that contains pos.
func File(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// DeleteStmt returns an edit deleting the statement stmt with its lines,
// and ok=false unless stmt has its lines to itself (nothing but white
// space and comments before or after it on them).
func DeleteStmt(pass *analysis.Pass, stmt ast.Stmt) (edit analysis.TextEdit, ok bool) {
	tf, content, ok := FileSource(pass, stmt.Pos())
	if !ok {
		return edit, false
	}
	edit = lineEdit(tf, stmt.Pos(), stmt.End())
	before := content[tf.Offset(edit.Pos):tf.Offset(stmt.Pos())]
	after := content[tf.Offset(stmt.End()):tf.Offset(edit.End)]
	if len(bytes.TrimSpace(before)) > 0 {
		return edit, false
	}
	if rest := bytes.TrimSpace(after); len(rest) > 0 && !bytes.HasPrefix(rest, []byte("//")) {
		return edit, false
	}
	return edit, true
}

// ChooseFix is the Category of a diagnostic whose suggested fixes are
// alternatives that each change what the program does beyond the bug (a
// GET with a body: send it as POST, or drop the data): which one is right
// is the author's call. Editors (gopls) offer every one; httpvet's drivers
// apply none with -fix (httpvet -fix, go vet -vettool=httpvet -fix, the
// golangci-lint plugin's --fix) and leave the finding to the author. A
// diagnostic without this category has a first fix that keeps the
// program's intent, which -fix applies.
const ChooseFix = "choose-fix"

// Chooses reports whether a diagnostic of the given Category has fixes
// for the author to choose from (ChooseFix), whatever its class.
func Chooses(category string) bool { return strict.Other(category) == ChooseFix }

// DefaultFix returns the fix of d that -fix applies: its first, unless d's
// fixes are alternatives for the author to choose from (ChooseFix).
func DefaultFix(d analysis.Diagnostic) (analysis.SuggestedFix, bool) {
	if Chooses(d.Category) || len(d.SuggestedFixes) == 0 {
		return analysis.SuggestedFix{}, false
	}
	return d.SuggestedFixes[0], true
}

// DefaultFixOnly wraps a's Run so that each diagnostic it reports keeps
// only the fix -fix may apply (DefaultFix), for drivers that apply the
// first fix of a diagnostic (unitchecker's -fix) or all of them
// (golangci-lint). It changes a in place and returns it.
func DefaultFixOnly(a *analysis.Analyzer) *analysis.Analyzer {
	return strict.WrapReports(a, func(d analysis.Diagnostic) analysis.Diagnostic {
		if fix, ok := DefaultFix(d); ok {
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		} else {
			d.SuggestedFixes = nil
		}
		return d
	})
}
