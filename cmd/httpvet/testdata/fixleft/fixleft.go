// Package fixleft is the fixture of httpvet -fix's report of what is left:
// one fix adds lines above a finding that has none.
package fixleft

import (
	"context"
	"io"
	"net/http"
)

// Get's http.Get is reqctx's finding (ctx is in scope; its fix builds the
// request with ctx, over several lines), and reqctx's alone: its fix also
// bounds the request by the caller's deadline, so timeouts stands down.
func Get(ctx context.Context, u string) error {
	resp, err := http.Get(u)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Leak's response body is not closed on the early return: bodyclose has
// no fix for it, and the fix above moves it down.
func Leak(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, nil
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
