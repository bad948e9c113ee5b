package groups

import (
	"fmt"
	"os"

	"example.com/lib"
)

func useNetTime() bool { return false }

func f() {
	lib.F()
	fmt.Fprintln(os.Stdout, useNetTime()) // want "use net and time"
}
