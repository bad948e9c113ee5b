// Package restful is reduced from nokia/restful's Client: SendRequest
// builds a request from the marshalled payload and Do re-sends it on
// gateway errors.
//
// https://github.com/nokia/restful/pull/5
//
// Bug: Do's retry loop sent the same request again after the first attempt
// had consumed its body, so retries after a 502–504 sent no body; the fix
// takes a fresh body from req.GetBody for every retry.
package restful

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"time"
)

type Client struct {
	client           *http.Client
	rootURL          string
	userAgent        string
	retries          int
	retryBackoffInit time.Duration
	retryBackoffMax  time.Duration
}

func errDeadlineOrCancel(err error) bool {
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

func (c *Client) Do(ctx context.Context, req *http.Request) (*http.Response, error) {
	if req.Header == nil {
		req.Header = make(http.Header)
	}

	req = req.WithContext(ctx)

	target, err := c.setReqTarget(req)
	if err != nil {
		return nil, err
	}

	if c.userAgent != "" && req.Header.Get("User-agent") == "" {
		req.Header.Set("User-agent", c.userAgent)
	}

	resp, err := c.do(req)

	for retries := 0; retries < c.retries && !errDeadlineOrCancel(err) && (resp == nil || (resp.StatusCode >= 502 && resp.StatusCode <= 504)); retries++ { // Gateway error responses.
		if resp != nil {
			_ = resp.Body.Close()
		}

		time.Sleep(c.calcBackoff(retries))
		_ = target
		resp, err = c.do(req)
	}
	if err != nil {
		return nil, err
	}

	return resp, err
}

func (c *Client) setReqTarget(req *http.Request) (target string, err error) {
	target = req.URL.String()
	if len(target) == 0 || target[0] == '/' {
		target = c.rootURL + target
		req.URL, err = url.Parse(target)
	}
	return
}

func (c *Client) do(req *http.Request) (resp *http.Response, err error) {
	resp, err = c.client.Do(req)

	// Workaround for https://github.com/golang/go/issues/36026
	if err, ok := err.(*url.Error); ok && err.Timeout() {
		c.client.CloseIdleConnections()
	}

	return
}

func (c *Client) calcBackoff(retry int) time.Duration {
	backoff := (1 << retry) * c.retryBackoffInit
	if backoff > c.retryBackoffMax || backoff == 0 {
		backoff = c.retryBackoffMax
	}
	return backoff
}

func (c *Client) makeBodyBytes(data interface{}) ([]byte, error) {
	if data == nil {
		return nil, nil
	}

	body, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	if len(body) <= len("{}") {
		return nil, nil
	}

	return body, nil
}

// SendRequest sends an HTTP request with JSON data.
func (c *Client) SendRequest(ctx context.Context, method string, target string, headers http.Header, data interface{}) (*http.Response, error) {
	body, err := c.makeBodyBytes(data)
	if err != nil {
		return nil, err
	}
	return c.sendRequestBytes(ctx, method, target, headers, body)
}

func (c *Client) sendRequestBytes(ctx context.Context, method string, target string, headers http.Header, body []byte) (*http.Response, error) {
	var req *http.Request
	var err error
	if len(body) > 0 {
		req, err = http.NewRequestWithContext(ctx, method, target, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
	} else {
		req, err = http.NewRequestWithContext(ctx, method, target, nil)
		if err != nil {
			return nil, err
		}
	}

	for header, values := range headers {
		req.Header[header] = append(req.Header[header], values...)
	}

	return c.Do(ctx, req)
}
