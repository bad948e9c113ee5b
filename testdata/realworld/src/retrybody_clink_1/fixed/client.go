// Package clink is reduced from davesavic/clink's Client: Do retries the
// request it is given; Post and Put build that request from the caller's
// body.
//
// https://github.com/davesavic/clink/pull/6
//
// Bug: Do's retry loop sent the same request again after the first attempt
// had consumed its body, so every retry sent an empty body; the fix reads
// the body once and gives the request a new reader of it on each attempt.
package clink

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Limiter stands in for golang.org/x/time/rate.Limiter.
type Limiter interface {
	Wait(ctx context.Context) error
}

type Client struct {
	HttpClient      *http.Client
	Headers         map[string]string
	RateLimiter     Limiter
	MaxRetries      int
	ShouldRetryFunc func(*http.Request, *http.Response, error) bool
}

func NewClient() *Client {
	return &Client{
		HttpClient: http.DefaultClient,
		Headers:    make(map[string]string),
	}
}

func (c *Client) Do(req *http.Request) (*http.Response, error) {
	for key, value := range c.Headers {
		req.Header.Set(key, value)
	}

	if c.RateLimiter != nil {
		if err := c.RateLimiter.Wait(req.Context()); err != nil {
			return nil, fmt.Errorf("failed to wait for rate limiter: %w", err)
		}
	}

	var resp *http.Response
	var body []byte
	var err error

	if req.Body != nil && req.Body != http.NoBody {
		body, err = io.ReadAll(req.Body)
		if err != nil {
			return nil, fmt.Errorf("failed to read request body: %w", err)
		}

		err = req.Body.Close()
		if err != nil {
			return nil, fmt.Errorf("failed to close request body: %w", err)
		}
	}

	for attempt := 0; attempt <= c.MaxRetries; attempt++ {
		if len(body) > 0 {
			req.Body = io.NopCloser(bytes.NewReader(body))
		}

		resp, err = c.HttpClient.Do(req)

		if req.Context().Err() != nil {
			return nil, fmt.Errorf("request context error: %w", req.Context().Err())
		}

		if c.ShouldRetryFunc != nil && !c.ShouldRetryFunc(req, resp, err) {
			break
		}

		if attempt < c.MaxRetries {
			select {
			case <-time.After(time.Duration(attempt) * time.Second):
			case <-req.Context().Done():
				return nil, req.Context().Err()
			}
		}
	}

	if err != nil {
		return nil, fmt.Errorf("failed to do request: %w", err)
	}

	return resp, nil
}

func (c *Client) Post(url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func (c *Client) Put(url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPut, url, body)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}
