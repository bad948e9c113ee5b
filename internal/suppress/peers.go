package suppress

// Peers' suppressions: golangci-lint's //nolint directive, where it
// silences a peer linter's finding of a defect an httpvet analyzer reports
// too. The maintainers who wrote it have read that finding at that line
// and declined the fix: reporting it again, under another name, is noise.
//
//	//nolint                 every linter: every analyzer
//	//nolint:all             the same
//	//nolint:bodyclose       timakin/bodyclose: bodyclose
//	//nolint:noctx           sonatard/noctx: reqctx
//	//nolint:gosec           gosec, whose rules differ: only where an analyzer
//	                         asks for it by PeerSuppressed (timeouts' servers:
//	                         G112, G114)
//
// A //nolint applies, as an httpvet directive does, to its own line and
// the line below it.

import (
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// nolintPrefix starts a golangci-lint directive.
const nolintPrefix = "//nolint"

// samePeers maps a peer linter to the analyzer whose findings are its
// findings: silencing one silences the other.
var samePeers = map[string]string{"bodyclose": "bodyclose", "noctx": "reqctx"}

// parseNolint returns the linters a //nolint comment names, with ok false
// when c is not one; no linters means every linter.
func parseNolint(c *ast.Comment) (linters []string, ok bool) {
	rest, ok := strings.CutPrefix(c.Text, nolintPrefix)
	switch {
	case !ok:
		return nil, false
	case rest == "" || rest[0] == ' ' || rest[0] == '\t':
		return nil, true // what follows explains it
	case rest[0] != ':':
		return nil, false // //nolintfoo
	}
	// The list is the run of names and commas after the colon.
	list := rest[1:]
	if i := strings.IndexFunc(list, func(r rune) bool { return !isNameRune(r) && r != ',' }); i >= 0 {
		list = list[:i]
	}
	for _, l := range strings.Split(list, ",") {
		if l != "" {
			linters = append(linters, l)
		}
	}
	return linters, len(linters) > 0
}

func isNameRune(r rune) bool {
	return r == '_' || r == '-' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
}

// addNolint records c, a comment of the file tf, if it is a //nolint.
func (idx *Index) addNolint(tf *token.File, c *ast.Comment) {
	linters, ok := parseNolint(c)
	if !ok {
		return
	}
	if idx.nolint[tf] == nil {
		idx.nolint[tf] = make(map[int][][]string)
	}
	line := tf.Line(c.Slash)
	idx.nolint[tf][line] = append(idx.nolint[tf][line], linters)
}

// peerSuppressed reports whether a //nolint at pos silences analyzer name
// (every linter, or a peer whose findings are name's), or, when peer is
// not empty, that peer.
func (idx *Index) peerSuppressed(fset *token.FileSet, name, peer string, pos token.Pos) bool {
	tf := fset.File(pos)
	if tf == nil || idx.nolint[tf] == nil {
		return false
	}
	line := tf.Line(pos)
	for _, l := range []int{line, line - 1} {
		for _, linters := range idx.nolint[tf][l] {
			if len(linters) == 0 {
				return true
			}
			for _, linter := range linters {
				if linter == "all" || samePeers[linter] == name || linter == peer {
					return true
				}
			}
		}
	}
	return false
}

// PeerSuppressed reports whether the maintainers silenced peer's finding
// at pos with a //nolint: the analyzer asking reports the same defect
// there, and stays silent too.
func PeerSuppressed(pass *analysis.Pass, peer string, pos token.Pos) bool {
	idx, _ := pass.ResultOf[Analyzer].(*Index)
	return idx != nil && idx.peerSuppressed(pass.Fset, pass.Analyzer.Name, peer, pos)
}
