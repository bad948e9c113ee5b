package oneline

// The import declaration on one line, parentheses and all: each new
// import goes on a line of its own, one before "strings" and one after.
import ("strings")

func useNetTime() bool { return false }

func f(s string) bool {
	return strings.HasPrefix(s, "x") || useNetTime() // want "use net and time"
}
