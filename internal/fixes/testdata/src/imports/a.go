package imports

import (
	"fmt"
	"strings"
)

func useIO() any           { return nil }
func drop(...any) any      { return nil }
func del()                 {}

func f() {
	_ = useIO() // want "use io"
	_ = drop(strings.ToUpper("x")) // want "drop"
	fmt.Println()
	del() // want "delete"
	del(); fmt.Println() // want "del: not alone"
}
