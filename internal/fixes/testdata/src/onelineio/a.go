package onelineio

// The import declaration on one line (fuzzed: FuzzSuite): "io" goes after
// "bytes" on a line of its own, not between it and the parenthesis.
import ("bytes")

func useIO() error { return nil }

func f() error {
	_ = bytes.MinRead
	return useIO() // want "use io"
}
