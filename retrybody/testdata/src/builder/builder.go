// Package builder has request-building helpers whose facts cross packages.
package builder

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
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

// Fixed has a body of its own.
func Fixed(url string) (*http.Request, error) { // want Fixed:`requestBody\[\] own rewinds`
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

// NewJSONRequest encodes its payload into a buffer of its own: the
// request it returns has a body whatever the caller passes.
func NewJSONRequest(method, url string, v any) (*http.Request, error) { // want NewJSONRequest:`requestBody\[\] own rewinds`
	buf := new(bytes.Buffer)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return nil, err
	}
	return http.NewRequest(method, url, buf)
}

// PrepareForm fills form values into a reader of its own; its body
// parameter is optional.
func PrepareForm(u string, vals url.Values, extra io.Reader) (*http.Request, error) { // want PrepareForm:`requestBody\[2\] own`
	if extra != nil {
		return http.NewRequest("POST", u, extra)
	}
	var body io.Reader = strings.NewReader(vals.Encode())
	return http.NewRequest("POST", u, body)
}
