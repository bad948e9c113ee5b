// Package die does not touch net/http: its no-return facts are still
// computed, for the packages that import it.
package die

import (
	"fmt"
	"log"
	"os"
)

func Twice() { Die("a") } // want Twice:"noReturn"

func Die(msg string) { // want Die:"noReturn"
	fmt.Println(msg)
	os.Exit(1)
}

func Fatal() { log.Fatal("x") } // want Fatal:"noReturn"

func Maybe(b bool) {
	if b {
		os.Exit(1)
	}
}

// Forever never returns, but only by looping: not marked (documented).
func Forever() {
	for {
	}
}
