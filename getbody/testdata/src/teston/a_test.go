package teston

import (
	"net/http"
	"strings"
	"testing"
)

func TestGetBody(t *testing.T) {
	_, _ = http.NewRequest("GET", "http://x", strings.NewReader("q")) // want `GET request built by http.NewRequest carries a body`
}
