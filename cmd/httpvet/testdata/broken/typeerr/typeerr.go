// Package typeerr has a getbody finding and a type error: httpvet reports
// the error, not the finding.
package typeerr

import (
	"net/http"
	"strings"
)

func F() {
	http.NewRequest("GET", "http://localhost:1", strings.NewReader("q"))
	var n int = "not an int"
	_ = n
}
