package notests

import (
	"net/http"
	"testing"
)

// fetchStatus is test code (its file imports testing): not checked by
// default.
func fetchStatus(t *testing.T, url string) int {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode
}
