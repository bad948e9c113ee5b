// Package strictmode holds the shapes bodyclose reports only in strict
// mode (contract findings) beside one it reports in both (cost).
package strictmode

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Read to EOF, never closed: the Transport released the connection.
func readAll(c *http.Client, url string) ([]byte, error) {
	resp, err := c.Get(url) // want `^contract: response body of c.Get is not closed on every path \(at the return on line 20\); the body was read to EOF there`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// The request's context is cancelled when the function returns.
func cancelled(c *http.Client, url string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req) // want `^contract: response body of c.Do is not closed on every path .*the request's context is cancelled when the function returns`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Closed unread on an error path: -drain=all.
func decode(c *http.Client, url string, v any) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `^contract: response body is closed unread on the path returning at line 46`
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// Never closed, never read: a finding of both modes.
func status(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url) // want `^cost: response body of c.Get is not closed on every path`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A 304 has no body: its connection went back with the header; the leak
// is a contract finding.
func notModified(c *http.Client, url string, v any) (bool, error) {
	resp, err := c.Get(url) // want `^contract: response body of c.Get is not closed on every path \(at the return on line 68\); the response has no body there`
	if err != nil {
		return false, err
	}
	if resp.StatusCode == http.StatusNotModified {
		return true, nil
	}
	defer resp.Body.Close()
	return false, json.NewDecoder(resp.Body).Decode(v)
}
