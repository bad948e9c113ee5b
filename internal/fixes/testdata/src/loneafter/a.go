package loneafter

// The strings package.
import "strings" // trailing

func useIO() any { return nil }

func f() {
	_ = strings.ToUpper("x")
	_ = useIO() // want "use io"
}
