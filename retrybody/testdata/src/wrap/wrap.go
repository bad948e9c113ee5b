// Package wrap has client wrappers whose facts cross packages.
package wrap

import (
	"bytes"
	"io"
	"net/http"
	"time"
)

type Client struct{ HC *http.Client }

// DoRetry re-sends its request in a loop.
func (c *Client) DoRetry(req *http.Request) (*http.Response, error) { // want DoRetry:"sends req, resends req"
	var lastErr error
	for i := 0; i < 3; i++ {
		resp, err := c.HC.Do(req)
		if err == nil {
			return resp, nil
		}
		lastErr = err
		time.Sleep(time.Millisecond)
	}
	return nil, lastErr
}

// Do sends once.
func (c *Client) Do(req *http.Request) (*http.Response, error) { // want Do:"sends req"
	return c.HC.Do(req)
}

// Retry calls DoRetry: the fact follows.
func Retry(c *Client, req *http.Request) error { // want Retry:"resends req"
	_, err := c.DoRetry(req)
	return err
}

// Rewinding resets the body before each attempt: no fact but Sends? No:
// it resets before the first send too, so it does not send the body it
// was given.
func Rewinding(c *http.Client, req *http.Request) {
	for i := 0; i < 3; i++ {
		if req.GetBody != nil {
			req.Body, _ = req.GetBody()
		}
		c.Do(req)
	}
}

// Request embeds *http.Request, as retry libraries do.
type Request struct {
	*http.Request
	Attempts int
}

// Loop sends the embedded request again.
func Loop(c *http.Client, r *Request) { // want Loop:"sends r.Request, resends r.Request"
	for i := 0; i < r.Attempts; i++ {
		c.Do(r.Request)
	}
}

// Buffered reads the body once and gives each attempt a new reader: no
// fact, its callers are fine.
func Buffered(c *http.Client, req *http.Request) (*http.Response, error) {
	var data []byte
	if req.Body != nil {
		data, _ = io.ReadAll(req.Body)
		req.Body.Close()
	}
	var lastErr error
	for i := 0; i < 3; i++ {
		if data != nil {
			req.Body = io.NopCloser(bytes.NewReader(data))
		}
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

// Rewound gives the request a new body inside the loop under a
// condition: no resends fact (the path that skips the reset is most
// likely one without a body).
func Rewound(c *http.Client, req *http.Request, body func() io.ReadCloser) { // want Rewound:"sends req"
	for i := 0; i < 3; i++ {
		if i > 0 && body != nil {
			req.Body = body()
		}
		c.Do(req)
	}
}
