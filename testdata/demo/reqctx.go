package main

import (
	"context"
	"io"
	"net/http"
)

// reqctxFetch is given a context but builds its request without it: the
// caller's deadline or cancellation never reaches the request.
func reqctxFetch(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := demoClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
