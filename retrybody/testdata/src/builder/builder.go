// Package builder has request-building helpers whose facts cross packages.
package builder

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
)

type Client struct {
	Base string
	HC   *http.Client
}

// NewRequest builds a request with the caller's body.
func (c *Client) NewRequest(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) { // want NewRequest:`requestBody\[3\]`
	req, err := http.NewRequestWithContext(ctx, method, c.Base+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	return req, nil
}

// Upload wraps its data in a reader.
func Upload(url string, data []byte) (*http.Request, error) { // want Upload:`requestBody\[1\] wrapped\[1\]`
	return http.NewRequest("PUT", url, bytes.NewReader(data))
}

// Text takes a string.
func Text(url, s string) *http.Request { // want Text:`requestBody\[1\] wrapped\[1\]`
	req, _ := http.NewRequest("POST", url, strings.NewReader(s))
	return req
}

// Get builds requests without a body.
func Get(url string) (*http.Request, error) { // want Get:`requestBody\[\]`
	return http.NewRequest("GET", url, nil)
}

// Fixed has a body of its own: no fact (the analysis does not follow it).
func Fixed(url string) (*http.Request, error) {
	return http.NewRequest("POST", url, strings.NewReader("ping"))
}

// Rebodied sets a Body afterwards: no fact.
func Rebodied(url string, rc io.ReadCloser) (*http.Request, error) {
	req, err := http.NewRequest("POST", url, nil)
	if err != nil {
		return nil, err
	}
	req.Body = rc
	return req, nil
}

// Passed returns its parameter: no fact.
func Passed(req *http.Request) (*http.Request, error) {
	if req == nil {
		return nil, errors.New("nil")
	}
	return req, nil
}
