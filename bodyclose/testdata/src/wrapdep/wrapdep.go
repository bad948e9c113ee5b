// Package wrapdep is an API client in another module: its do closes the
// body before it returns the response, for the caller to read headers.
package wrapdep

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
)

type Client struct{ http *http.Client }

type Record struct{ Name string }

func (c *Client) do(req *http.Request, v any) (*http.Response, error) { // want do:`closedResult`
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if w, ok := v.(io.Writer); ok {
		_, err = io.Copy(w, resp.Body)
		return resp, err
	}
	return resp, json.NewDecoder(resp.Body).Decode(v)
}

func (c *Client) CreateRecordWithContext(ctx context.Context, name string) (*Record, *http.Response, error) { // want CreateRecordWithContext:`closedResult`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://api.example/records", nil)
	if err != nil {
		return nil, nil, err
	}
	var r Record
	resp, err := c.do(req, &r)
	return &r, resp, err
}

func (c *Client) CreateRecord(name string) (*Record, *http.Response, error) { // want CreateRecord:`closedResult`
	return c.CreateRecordWithContext(context.Background(), name)
}

// Stream closes unless the caller asked for the body as a stream.
func (c *Client) Stream(req *http.Request, stream bool) (*http.Response, error) { // want Stream:`closedResult`
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	if !stream {
		resp.Body.Close()
	}
	return resp, nil
}
