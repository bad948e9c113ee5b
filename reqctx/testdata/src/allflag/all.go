package allflag

import (
	"context"
	"net/http"
)

func noContext(u string) {
	http.Get(u)                              // want `http.Get sends a request without a context, so nothing can cancel it; build it with http.NewRequestWithContext and send it with Do`
	req, _ := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without a context, so nothing can cancel it; use http.NewRequestWithContext with the caller's context`
	http.DefaultClient.Do(req)
}

// Function and method values: every request they make has no context.
func values(c *http.Client, u string) {
	get := http.Get // want `Get used as a function value makes requests without a context`
	get(u)
	post := c.Post // want `Post used as a function value makes requests without a context`
	post(u, "text/plain", nil)
	retry(http.Head, u) // want `Head used as a function value`
}

func retry(f func(string) (*http.Response, error), u string) { f(u) }

// A helper whose callers all attach a context is not reported.
func newReq(u string) (*http.Request, error) { // want newReq:"bareRequest"
	return http.NewRequest("GET", u, nil)
}

func use(ctx context.Context, u string) {
	req, err := newReq(u)
	if err != nil {
		return
	}
	http.DefaultClient.Do(req.WithContext(ctx))
}

// An exported helper is reported: its callers are out of sight.
func NewReq(u string) (*http.Request, error) { // want NewReq:"bareRequest"
	return http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without a context`
}

// Still fine with a context.
func withContext(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req)
}

// A receiver's context does not count: with -reqctx.all the request is
// reported as having none.
type poller struct {
	ctx    context.Context
	client *http.Client
}

func (p *poller) poll(u string) {
	p.client.Get(u) // want `Client.Get sends a request without a context`
}

// A function value assigned to the blank identifier is thrown away: it
// makes no request (a compile-time check that the API exists).
func blank(c *http.Client) {
	_ = http.Get
	_ = c.Get
	_, _ = http.Post, c.PostForm
	var _ = http.NewRequest
	_, f := http.Head, http.Head // want `Head used as a function value makes requests without a context`
	f("u")
}

// With no context in scope, values added to the request's own context
// (context.Background, from http.NewRequest) still leave nothing to cancel it.
func ownContextOnly(c *http.Client, u string) {
	req, _ := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without a context`
	req = req.WithContext(context.WithValue(req.Context(), struct{}{}, 0))
	c.Do(req)
}
