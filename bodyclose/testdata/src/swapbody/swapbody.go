// Package swapbody: a helper that reads or replaces the body is not its
// new owner; the caller still owes the Close, on the helper's error path
// too.
package swapbody

import (
	"compress/gzip"
	"errors"
	"io"
	"net/http"
)

type Client struct{ hc *http.Client }

type gzipBody struct {
	io.Reader
	c io.Closer
}

func (g gzipBody) Close() error { return g.c.Close() }

// decompress wraps the body in place: resp still owns it.
func (c *Client) decompress(resp *http.Response) error { // want decompress:`params\(borrows=#0 reads=#0\)`
	if resp.Header.Get("Content-Encoding") != "gzip" {
		return nil
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		return err
	}
	resp.Body = gzipBody{zr, resp.Body}
	return nil
}

func (c *Client) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req) // want `leaks at the returns on lines 41, 44 unless the body was read to EOF`
	if err != nil {
		return nil, err
	}
	if err := c.decompress(resp); err != nil {
		return nil, err
	}
	if resp.StatusCode >= 500 {
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}

// Fixed: the body is closed on the paths that drop the response.
func (c *Client) DoFixed(req *http.Request) (*http.Response, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if err := c.decompress(resp); err != nil {
		resp.Body.Close()
		return nil, err
	}
	if resp.StatusCode >= 500 {
		resp.Body.Close()
		return nil, errors.New(resp.Status)
	}
	return resp, nil
}
