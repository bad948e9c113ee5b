// Package tests is the fixture of -test=false: one getbody finding here,
// one in the package's test file and one in its external test package.
package tests

import (
	"net/http"
	"strings"
)

func F() {
	http.NewRequest("GET", "http://localhost:1", strings.NewReader("q"))
}
