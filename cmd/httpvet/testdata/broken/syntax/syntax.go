// Package syntax has a getbody finding and a syntax error.
package syntax

import (
	"net/http"
	"strings"
)

func F() {
	http.NewRequest("GET", "http://localhost:1", strings.NewReader("q"))
	if {
}
