// Package testutil is test support (client_golang's prometheus/testutil):
// every caller is a test, bounded by go test -timeout.
package testutil

import (
	"io"
	"net/http"
)

func ScrapeAndCompare(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
