// Package main imports "C": its findings are reported like any other's.
package main

// static int one(void) { return 1; }
import "C"

import (
	"net/http"
	"strings"
)

func main() {
	_ = C.one()
	http.NewRequest("GET", "http://localhost:1", strings.NewReader("q"))
}
