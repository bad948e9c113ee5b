package die // want package:"netPackage"

// die does not touch net/http, but reaches net: its no-return facts are
// computed, for the packages that import it.

import (
	"fmt"
	"log"
	"net"
	"os"
)

// Dial is why die reaches net.
func Dial() (net.Conn, error) { return net.Dial("tcp", "localhost:1") }

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
