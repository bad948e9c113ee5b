package wrap

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
)

// Do builds and sends a request.
func Do(ctx context.Context, method, url string, body io.Reader) (*http.Response, error) { // want Do:`request\(method=#1, body=#3\)`
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// Get always GETs.
func Get(url string, body io.Reader) (*http.Request, error) { // want Get:`request\(method="GET", body=#1\)`
	return http.NewRequest(http.MethodGet, url, body)
}

// Client wraps a wrapper.
type Client struct{}

// Send is a method wrapping Do.
func (c *Client) Send(method string, body io.Reader) error { // want Send:`request\(method=#0, body=#1\)`
	_, err := Do(context.Background(), method, "http://x", body)
	return err
}

// Search wraps Get: a wrapper of a wrapper with a constant method.
func Search(body io.Reader) { // want Search:`request\(method="GET", body=#0\)`
	Get("http://x", body)
}

// Rewritten changes its body parameter: not a wrapper.
func Rewritten(method string, body io.Reader) {
	body = strings.NewReader("x")
	http.NewRequest(method, "http://x", body)
}

// PostOnly posts: not a wrapper of interest.
func PostOnly(body io.Reader) {
	http.NewRequest(http.MethodPost, "http://x", body)
}

// Debugged reads its body parameter to print it and puts the same bytes
// back: still the parameter's body.
func Debugged(debug bool, method string, body io.Reader) (*http.Request, error) { // want Debugged:`request\(method=#1, body=#2\)`
	if debug && body != nil {
		b, err := io.ReadAll(body)
		if err != nil {
			return nil, err
		}
		println(string(b))
		body = bytes.NewReader(b)
	}
	return http.NewRequest(method, "http://x", body)
}

// ReadOther puts back bytes it did not read from the parameter: not a
// wrapper.
func ReadOther(method string, body io.Reader, other io.Reader) (*http.Request, error) {
	b, _ := io.ReadAll(other)
	body = bytes.NewReader(b)
	return http.NewRequest(method, "http://x", body)
}
