package main

import (
	"fmt"
	"io"
	"net/http"
)

// bodycloseDemoFetch returns a page's content. On an error status it
// returns before the deferred Close is registered: that response, and
// its connection, leak.
func bodycloseDemoFetch(url string) ([]byte, error) {
	resp, err := demoClient.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// bodycloseDemoHealthy polls a health endpoint and only looks at the
// status: the body is closed unread, so every check opens a new
// connection.
func bodycloseDemoHealthy(url string) bool {
	resp, err := demoClient.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
