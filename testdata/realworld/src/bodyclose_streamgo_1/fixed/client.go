// Package stream is reduced from GetStream/stream-go2's Client.request: the
// request goes through a Requester interface, and error statuses are
// decoded by makeStreamError, which reads the body it is given.
//
// https://github.com/GetStream/stream-go2/pull/60
//
// Bug: on a status above 299 request returned makeStreamError(…, resp.Body)
// before its deferred close, so the body was never closed; the fix defers
// resp.Body.Close() right after the error check.
package stream

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/ioutil"
	"net/http"
)

// Requester performs HTTP requests.
type Requester interface {
	Do(*http.Request) (*http.Response, error)
}

type endpoint string

func (e endpoint) String() string { return string(e) }

type authFunc func(*http.Request) error

type APIError struct {
	Code       int    `json:"code"`
	Detail     string `json:"detail"`
	StatusCode int    `json:"-"`
}

func (e APIError) Error() string { return e.Detail }

type Client struct {
	key       string
	requester Requester
}

func (c *Client) setBaseHeaders(r *http.Request) {
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("X-Stream-Client", "stream-go2")
}

func (c *Client) makeStreamError(statusCode int, body io.Reader) error {
	if body == nil {
		return errors.New("invalid body")
	}
	errBody, err := ioutil.ReadAll(body)
	if err != nil {
		return err
	}
	var streamErr APIError
	if err := json.Unmarshal(errBody, &streamErr); err != nil {
		return fmt.Errorf("unexpected error (status code %d)", statusCode)
	}
	streamErr.StatusCode = statusCode
	return streamErr
}

func (c *Client) get(endpoint endpoint, data interface{}, authFn authFunc) ([]byte, error) {
	return c.request(http.MethodGet, endpoint, data, authFn)
}

func (c *Client) post(endpoint endpoint, data interface{}, authFn authFunc) ([]byte, error) {
	return c.request(http.MethodPost, endpoint, data, authFn)
}

func (c *Client) request(method string, endpoint endpoint, data interface{}, authFn authFunc) ([]byte, error) {
	var reader io.Reader
	if data != nil {
		payload, err := json.Marshal(data)
		if err != nil {
			return nil, fmt.Errorf("cannot marshal request: %w", err)
		}
		reader = bytes.NewReader(payload)
	}

	req, err := http.NewRequest(method, endpoint.String(), reader)
	if err != nil {
		return nil, fmt.Errorf("cannot create request: %w", err)
	}
	c.setBaseHeaders(req)

	if authFn != nil {
		if err := authFn(req); err != nil {
			return nil, err
		}
	}

	resp, err := c.requester.Do(req)
	if err != nil {
		return nil, fmt.Errorf("cannot perform request: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return nil, c.makeStreamError(resp.StatusCode, resp.Body)
	}

	body, err := ioutil.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("cannot read response: %w", err)
	}

	return body, nil
}

// GetActivities reads a feed.
func (c *Client) GetActivities(feed string) ([]byte, error) {
	return c.get(endpoint("https://api.stream-io-api.com/api/v1.0/feed/"+feed), nil, nil)
}

// AddActivity posts an activity.
func (c *Client) AddActivity(feed string, activity interface{}) ([]byte, error) {
	return c.post(endpoint("https://api.stream-io-api.com/api/v1.0/feed/"+feed), activity, nil)
}
