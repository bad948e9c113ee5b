package testsoff

import (
	"net/http"
	"net/http/httptest"
)

// NewTestClient is test support code: it imports httptest.
func NewTestClient(s *httptest.Server) *http.Client {
	c := &http.Client{Transport: &http.Transport{}}
	c.Get(s.URL)
	return nil
}
