package teston

import (
	"net/http"
	"net/http/httptest"
	"strings"
)

// httptest.NewRequest builds a request a handler receives: its body is
// what a client sent. Never reported, even in test code under -tests.
func serverSide() {
	httptest.NewRequest(http.MethodGet, "/", strings.NewReader("x"))
}
