// Package bodiless: a response without a body (204, 304) frees its
// connection with the header; a 101's Body is the connection itself.
package bodiless

import (
	"net/http"
)

type cache struct{ resp *http.Response }

// A 304 is replaced by the cached response: nothing to close.
func (c *cache) get(client *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return c.resp, nil
	}
	c.resp = resp
	return resp, nil
}

// A 404 has a body: dropping it holds the connection.
func (c *cache) getMissing(client *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := client.Do(req) // want `not closed on every path`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotFound {
		return c.resp, nil
	}
	return resp, nil
}

// A 101 hands the connection over in its Body: not closing it leaks it.
func upgrade(client *http.Client, req *http.Request) (bool, error) {
	resp, err := client.Do(req) // want `not closed on every path`
	if err != nil {
		return false, err
	}
	if resp.StatusCode == http.StatusSwitchingProtocols {
		return true, nil
	}
	resp.Body.Close()
	return false, nil
}
