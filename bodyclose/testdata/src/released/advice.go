package released

import (
	"context"
	"errors"
	"net/http"
)

// The response escapes: the cancel does not help its caller. Reported,
// and a deferred Close would close the caller's body: the advice is to
// close it on the leaking path.
func open(c *http.Client, url string) (*http.Response, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req) // want `not closed on every path, so the connection leaks at the return on line 24; close resp.Body on that path before returning`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}
