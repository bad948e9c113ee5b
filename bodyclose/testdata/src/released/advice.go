package released

import (
	"context"
	"errors"
	"net/http"
)

// The response escapes on the success path, but on the path that drops
// it the cancel at return releases the connection (tailscale's
// controlhttp tryURLUpgrade, whose success path hands the upgraded
// connection on): not reported.
func open(c *http.Client, url string) (*http.Response, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}

// Without the cancel, the dropped response leaks, and a deferred Close
// would close the body the success path hands on: the advice is to close
// it on the leaking path.
func openLeaky(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url) // want `not closed on every path, so the connection leaks at the return on line 39; close resp.Body on that path before returning`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}

type Response struct{ *http.Response }

// A redirect followed by a second request into the same variable, while
// the function returns the first response it stored (vault's api client,
// hashicorp/vault#15258): the advice is to hand the new one on. No fix:
// a deferred Close is not what the code needs.
func followOnce(c *http.Client, req *http.Request) (*Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	result := &Response{Response: resp}
	if resp.StatusCode == http.StatusTemporaryRedirect {
		loc, err := resp.Location()
		if err != nil {
			return result, err
		}
		req.URL = loc
		resp, err = c.Do(req) // want `response body of c.Do is not closed on every path, so the connection leaks at the return on line 67; the function returns result, which still holds the earlier response: close that one's body and store this one in result instead`
		if err != nil {
			return result, err
		}
	}
	return result, nil
}
