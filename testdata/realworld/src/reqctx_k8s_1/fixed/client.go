// Package k8s is reduced from ericchiang/k8s's Client: get and delete take
// the caller's ctx and build their request with the newRequest helper.
//
// https://github.com/ericchiang/k8s/pull/49
//
// Bug: newRequest built the request with http.NewRequest and never attached
// the ctx its callers were given, so cancelling ctx stopped nothing; the fix
// passes ctx to newRequest, which returns req.WithContext(ctx).
package k8s

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/ioutil"
	"net/http"
)

type codec struct {
	contentType string
}

func (c *codec) unmarshal(b []byte, v interface{}) error { return json.Unmarshal(b, v) }

type APIError struct {
	Code int
	Body string
}

func (e *APIError) Error() string { return fmt.Sprintf("%d: %s", e.Code, e.Body) }

type Client struct {
	// The URL of the API server.
	Endpoint string

	// SetHeaders provides a hook for modifying the HTTP headers of all requests.
	SetHeaders func(h http.Header) error

	Client *http.Client
}

func (c *Client) newRequest(ctx context.Context, verb, url string, body io.Reader) (*http.Request, error) {
	req, err := http.NewRequest(verb, url, body)
	if err != nil {
		return nil, err
	}
	if c.SetHeaders != nil {
		if err := c.SetHeaders(req.Header); err != nil {
			return nil, err
		}
	}
	return req.WithContext(ctx), nil
}

func checkStatusCode(c *codec, statusCode int, body []byte) error {
	if statusCode/100 == 2 {
		return nil
	}
	return &APIError{Code: statusCode, Body: string(body)}
}

func (c *Client) client() *http.Client {
	if c.Client == nil {
		return http.DefaultClient
	}
	return c.Client
}

func (c *Client) delete(ctx context.Context, codec *codec, url string) error {
	r, err := c.newRequest(ctx, "DELETE", url, nil)
	if err != nil {
		return err
	}
	r.Header.Set("Accept", codec.contentType)

	re, err := c.client().Do(r)
	if err != nil {
		return err
	}
	defer re.Body.Close()

	respBody, err := ioutil.ReadAll(re.Body)
	if err != nil {
		return fmt.Errorf("read body: %v", err)
	}

	if err := checkStatusCode(codec, re.StatusCode, respBody); err != nil {
		return err
	}
	return nil
}

// get can be used to either get or list a given resource.
func (c *Client) get(ctx context.Context, codec *codec, url string, resp interface{}) error {
	r, err := c.newRequest(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	r.Header.Set("Accept", codec.contentType)
	re, err := c.client().Do(r)
	if err != nil {
		return err
	}
	defer re.Body.Close()

	respBody, err := ioutil.ReadAll(re.Body)
	if err != nil {
		return fmt.Errorf("read body: %v", err)
	}

	if err := checkStatusCode(codec, re.StatusCode, respBody); err != nil {
		return err
	}
	return codec.unmarshal(respBody, resp)
}

// Get reads a resource.
func (c *Client) Get(ctx context.Context, path string, resp interface{}) error {
	return c.get(ctx, &codec{contentType: "application/json"}, c.Endpoint+path, resp)
}

// Delete deletes a resource.
func (c *Client) Delete(ctx context.Context, path string) error {
	return c.delete(ctx, &codec{contentType: "application/json"}, c.Endpoint+path)
}
