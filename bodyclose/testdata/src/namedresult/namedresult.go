// Package namedresult: a response held by a named result is tracked like
// a local; a bare return hands it on.
package namedresult

import (
	"net/http"
)

type retrier struct {
	transport http.RoundTripper
	limit     int
}

// The retry overwrites the named result without closing the previous
// attempt's body.
func (t *retrier) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	for attempt := 1; ; attempt++ {
		resp, err = t.transport.RoundTrip(req) // want `not closed on every path, so the connection leaks when the loop calls it again`
		if attempt > t.limit || err != nil {
			return
		}
		if resp.StatusCode != http.StatusServiceUnavailable {
			return
		}
	}
}

// Fixed: the retry closes the attempt it drops.
func (t *retrier) RoundTripFixed(req *http.Request) (resp *http.Response, err error) {
	for attempt := 1; ; attempt++ {
		resp, err = t.transport.RoundTrip(req)
		if attempt > t.limit || err != nil {
			return
		}
		if resp.StatusCode != http.StatusServiceUnavailable {
			return
		}
		resp.Body.Close()
	}
}

// A bare return hands the named result to the caller.
func get(c *http.Client, url string) (resp *http.Response, err error) {
	resp, err = c.Get(url)
	return
}

// A named result closed on the error path the function makes.
func getOK(c *http.Client, url string) (resp *http.Response, err error) {
	resp, err = c.Get(url)
	if err != nil {
		return
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, http.ErrNotSupported
	}
	return
}

// Dropped on a path that returns something else.
func status(c *http.Client, url string) (code int, resp *http.Response, err error) {
	resp, err = c.Get(url) // want `not closed on every path`
	if err != nil {
		return
	}
	if resp.StatusCode == http.StatusNotFound {
		return resp.StatusCode, nil, nil
	}
	return
}

// A 204 has no body: dropping it holds nothing.
func noContent(c *http.Client, url string) (code int, resp *http.Response, err error) {
	resp, err = c.Get(url)
	if err != nil {
		return
	}
	if resp.StatusCode == http.StatusNoContent {
		return resp.StatusCode, nil, nil
	}
	return
}
