package intests

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// Test code outside _test.go files (its file imports testing and
// httptest): checked like a _test.go file, under -bodyclose.tests only.

// A recorder's response is in memory: no connection, nothing to close.
func recorder() {
	rec := httptest.NewRecorder()
	resp := rec.Result()
	fmt.Println(resp.StatusCode)
}

// t.Cleanup closes the body when the test ends.
func cleanupT(t *testing.T, url string) {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
}

// A leak in a test helper is reported under -bodyclose.tests.
func fetchStatus(t *testing.T, url string) int {
	resp, err := http.Get(url) // want `response body of http.Get is not closed`
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode
}
