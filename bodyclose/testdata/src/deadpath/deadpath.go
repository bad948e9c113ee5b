// Package deadpath: a path that no caller can take is no leak.
package deadpath

import (
	"encoding/json"
	"net/http"
)

type result struct{ N int }

// get's every caller passes a non-nil result: the early return that
// leaves the body open is a path no call takes.
func get(c *http.Client, url string, out *result) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

func one(c *http.Client) (int, error) {
	var r result
	err := get(c, "http://x/1", &r)
	return r.N, err
}

func two(c *http.Client) (*result, error) {
	r := &result{}
	return r, get(c, "http://x/2", r)
}

// getAny has a caller that passes nil: the early return leaks.
func getAny(c *http.Client, url string, out *result) error {
	resp, err := c.Get(url) // want `leaks at the return on line 43`
	if err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}

func three(c *http.Client) error { return getAny(c, "http://x/3", nil) }

func four(c *http.Client) error {
	var r result
	return getAny(c, "http://x/4", &r)
}

// Exported: callers in other packages may pass nil.
func Get(c *http.Client, url string, out *result) error {
	resp, err := c.Get(url) // want `leaks at the return on line 63`
	if err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(out)
}
