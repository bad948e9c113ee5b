// Package parambody: a request whose body is the function's own
// parameter, re-sent by the function's retry loop.
package parambody

import (
	"bytes"
	"io"
	"net/http"
)

func makeHTTPRequest(c *http.Client, url, method string, body *bytes.Buffer, n int) (*http.Response, error) {
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return nil, err
	}
	var resp *http.Response
	for i := 1; i <= n; i++ {
		resp, err = c.Do(req) // want `this Do runs again`
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
	}
	return resp, err
}

// Fixed: the body is reset from GetBody before each attempt.
func makeHTTPRequestFixed(c *http.Client, url, method string, body *bytes.Buffer, n int) (*http.Response, error) {
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		return nil, err
	}
	var resp *http.Response
	for i := 1; i <= n; i++ {
		if req.GetBody != nil {
			req.Body, _ = req.GetBody()
		}
		resp, err = c.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp, nil
		}
	}
	return resp, err
}

// An io.Reader parameter may be nil: decided at the callers.
func sendReader(c *http.Client, url string, body io.Reader, n int) error {
	req, err := http.NewRequest("POST", url, body)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if _, err = c.Do(req); err == nil {
			return nil
		}
	}
	return err
}

func callers(c *http.Client) {
	sendReader(c, "http://x", nil, 3)
}
