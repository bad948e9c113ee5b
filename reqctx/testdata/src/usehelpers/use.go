package usehelpers

import (
	"context"
	"helpers"
	"net/http"
)

func direct(ctx context.Context, u string) error {
	req, err := helpers.NewRequest("GET", u) // want `helpers.NewRequest returns a request without a context and it is sent without ctx, which is in scope, so cancelling ctx does not stop it; give it the context with req = req.WithContext\(ctx\) before sending it`
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func indirect(ctx context.Context, u string) {
	http.DefaultClient.Do(helpers.Indirect(u)) // want `helpers.Indirect returns a request without a context`
}

func attached(ctx context.Context, u string) {
	req, err := helpers.NewRequest("GET", u)
	if err != nil {
		return
	}
	http.DefaultClient.Do(req.WithContext(ctx))
}

// The helper's Send gives it a context (the attachesContext fact).
func viaSend(ctx context.Context, c *helpers.Client, u string) {
	req, _ := http.NewRequest("GET", u, nil)
	c.Send(req)
	req2, _ := helpers.NewRequest("GET", u)
	c.Send(req2)
}

// Plain does not: the request has no context.
func viaPlain(ctx context.Context, u string) {
	req, _ := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx`
	helpers.Plain(req)
}

// No context in scope: nothing to give.
func noContext(u string) {
	req, _ := helpers.NewRequest("GET", u)
	http.DefaultClient.Do(req)
}

// A helper's request passed on to something the analyzer cannot follow.
func passedOn(ctx context.Context, u string, send func(*http.Request)) {
	req, _ := helpers.NewRequest("GET", u)
	send(req)
}

// Signed, not sent: not reported.
func signed(ctx context.Context, u string) *http.Header {
	req, _ := http.NewRequest("GET", u, nil)
	helpers.Sign(req)
	return &req.Header
}

// A method helper is named with its type.
func viaMethod(ctx context.Context, b *helpers.Builder, u string) {
	req := b.Build(u) // want `Builder.Build returns a request without a context`
	http.DefaultClient.Do(req)
}
