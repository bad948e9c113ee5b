// Package budget is a function whose last request ignores the context in
// scope, after eight that carry it. Which contexts a request may carry is
// a backward search from the request; with the whole search budget the
// finding is there, with a budget the first searches spend (TestBudget),
// the search gives up and reqctx reports nothing.
package budget

import (
	"context"
	"net/http"
)

func long(ctx context.Context, c *http.Client, url string) error {
	r1, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	if _, err := c.Do(r1); err != nil {
		return err
	}
	r2, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	if _, err := c.Do(r2); err != nil {
		return err
	}
	r3, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	if _, err := c.Do(r3); err != nil {
		return err
	}
	r4, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	if _, err := c.Do(r4); err != nil {
		return err
	}
	r5, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	if _, err := c.Do(r5); err != nil {
		return err
	}
	r6, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	if _, err := c.Do(r6); err != nil {
		return err
	}
	r7, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	if _, err := c.Do(r7); err != nil {
		return err
	}
	r8, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	if _, err := c.Do(r8); err != nil {
		return err
	}
	resp, err := http.Get(url) // want `http.Get sends a request without ctx, which is in scope`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
