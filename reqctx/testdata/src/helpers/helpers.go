// Package helpers builds requests for another package.
package helpers

import (
	"context"
	"net/http"
)

// NewRequest builds a request without a context and has none: its callers
// must attach theirs.
func NewRequest(method, url string) (*http.Request, error) { // want NewRequest:"bareRequest"
	return http.NewRequest(method, url, nil)
}

// Indirect returns another helper's request: the fact follows.
func Indirect(url string) *http.Request { // want Indirect:"bareRequest"
	req, _ := NewRequest("GET", url)
	req.Header.Set("Accept", "application/json")
	return req
}

// WithContext builds it with a context: no fact.
func WithContext(ctx context.Context, url string) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, "GET", url, nil)
}

// Client gives every request it sends its own context.
type Client struct{ Ctx context.Context }

func (c *Client) Send(req *http.Request) (*http.Response, error) { // want Send:"attachesContext"
	req = req.WithContext(c.Ctx)
	return http.DefaultClient.Do(req)
}

// Plain sends the request as it is.
func Plain(req *http.Request) (*http.Response, error) { // want Plain:"sendsRequest"
	return http.DefaultClient.Do(req)
}

// Sign neither sends nor attaches.
func Sign(req *http.Request) { req.Header.Set("X-Sig", "1") }

// Builder builds requests without a context.
type Builder struct{}

func (*Builder) Build(url string) *http.Request { // want Build:"bareRequest"
	req, _ := http.NewRequest("GET", url, nil)
	return req
}
