package docs

import (
	"fmt"
	"strings"
)

// A Flag is a row of the table an analyzer's doc gives in its "# Flags"
// section: a code block of lines
//
//	-NAME.FLAG=DEFAULT  meaning,
//	                    continued on lines that start with a space
//
// A test checks each table against the analyzer's Flags, so that the
// documented defaults are the real ones.
type Flag struct {
	Analyzer, Name, Default, Meaning string
}

// ParseFlags parses the table of a "# Flags" code block.
func ParseFlags(code string) ([]Flag, error) {
	var rows []Flag
	for _, line := range strings.Split(strings.TrimRight(code, "\n"), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if !strings.HasPrefix(line, "-") {
			if len(rows) == 0 || (line[0] != ' ' && line[0] != '\t') {
				return nil, fmt.Errorf("flags table: %q is neither -NAME.FLAG=DEFAULT nor a continuation", line)
			}
			rows[len(rows)-1].Meaning += " " + strings.TrimSpace(line)
			continue
		}
		spec, meaning, _ := strings.Cut(line, " ")
		name, def, ok := strings.Cut(strings.TrimPrefix(spec, "-"), "=")
		analyzer, flag, ok2 := strings.Cut(name, ".")
		if !ok || !ok2 {
			return nil, fmt.Errorf("flags table: %q does not start with -NAME.FLAG=DEFAULT", line)
		}
		rows = append(rows, Flag{analyzer, flag, def, strings.TrimSpace(meaning)})
	}
	return rows, nil
}

// FlagsSection returns the code block of the "# Flags" section of doc,
// an analyzer's documentation, and whether it has one.
func FlagsSection(doc string) (string, bool) {
	_, rest, ok := strings.Cut("\n"+doc, "\n# Flags\n")
	if !ok {
		return "", false
	}
	var code strings.Builder
	for _, line := range strings.Split(rest, "\n") {
		if strings.HasPrefix(line, "#") {
			break // the next section
		}
		if strings.HasPrefix(line, "\t") {
			code.WriteString(strings.TrimPrefix(line, "\t") + "\n")
		} else if code.Len() > 0 && strings.TrimSpace(line) != "" {
			break // the end of the first code block
		}
	}
	return code.String(), code.Len() > 0
}
