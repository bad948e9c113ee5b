package skiptests

import (
	"net/http"
	"strings"
)

func inCode() (*http.Request, error) {
	return http.NewRequest("GET", "http://x", strings.NewReader("q")) // want `GET request built by http.NewRequest carries a body`
}
