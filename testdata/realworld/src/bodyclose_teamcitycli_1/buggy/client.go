package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// Client is the TeamCity REST client.
type Client struct {
	BaseURL    string
	Token      string
	HTTPClient *http.Client
}

// NetworkError is returned when the server could not be reached.
type NetworkError struct {
	URL   string
	Cause error
}

func (e *NetworkError) Error() string { return fmt.Sprintf("cannot reach %s: %v", e.URL, e.Cause) }

func (c *Client) doRequest(ctx context.Context, method, path string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+"/app/rest"+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.Token)
	req.Header.Set("Accept", "application/json")

	resp, err := c.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("request failed: %w", err)
	}
	return resp, nil
}

func (c *Client) handleErrorResponse(resp *http.Response) error {
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	return fmt.Errorf("%s: %s", resp.Status, msg)
}

// doGetStream GETs with ReadRetry and returns the raw 2xx response; non-2xx → typed api error.
func (c *Client) doGetStream(ctx context.Context, path string) (*http.Response, error) {
	resp, err := withRetry(ctx, ReadRetry, func() (*http.Response, error) {
		return c.doRequest(ctx, "GET", path, nil)
	})
	if err != nil {
		if resp != nil {
			defer func() { _ = resp.Body.Close() }()
			return nil, c.handleErrorResponse(resp)
		}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return nil, err
		}
		return nil, &NetworkError{URL: c.BaseURL, Cause: err}
	}
	if resp.StatusCode < 200 || resp.StatusCode >= 300 {
		defer func() { _ = resp.Body.Close() }()
		return nil, c.handleErrorResponse(resp)
	}
	return resp, nil
}
