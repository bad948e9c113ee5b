package testsoff

import (
	"net/http"
	"testing"
)

// Fetch is test support: its file imports testing, and it takes a
// testing.TB that only go test provides.
func Fetch(t testing.TB, url string) *http.Response {
	resp, err := (&http.Client{}).Get(url)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}
