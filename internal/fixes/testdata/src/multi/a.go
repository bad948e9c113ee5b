package multi

import (
	"example.com/lib"
)

func useIO() any { return nil }

func f() {
	lib.F()
	_ = useIO() // want "use io"
}
