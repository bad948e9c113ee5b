// Package retried: a response returned with an error to a retry helper is
// dropped when the helper calls the function again.
package retried

import (
	"fmt"
	"net/http"
)

// retry calls op again while it fails.
func retry[T any](tries int, op func() (T, error)) (T, error) {
	var res T
	var err error
	for i := 0; i < tries; i++ {
		res, err = op()
		if err == nil {
			return res, nil
		}
	}
	return res, err
}

func get(c *http.Client, url string) (*http.Response, error) {
	return retry(3, func() (*http.Response, error) {
		resp, err := c.Get(url) // want `leaks at the return on line 30; retry calls this function again when it returns an error, and drops the response returned with it: close resp.Body before returning the error`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 {
			return resp, fmt.Errorf("server returned %d", resp.StatusCode)
		}
		return resp, nil
	})
}

// Fixed: the failed attempt's body is closed before the error goes back.
func getFixed(c *http.Client, url string) (*http.Response, error) {
	return retry(3, func() (*http.Response, error) {
		resp, err := c.Get(url)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 {
			resp.Body.Close()
			return nil, fmt.Errorf("server returned %d", resp.StatusCode)
		}
		return resp, nil
	})
}

// Fixed another way: the next attempt closes the one before.
func getClosingPrevious(c *http.Client, url string) (*http.Response, error) {
	var prev *http.Response
	return retry(3, func() (*http.Response, error) {
		if prev != nil {
			prev.Body.Close()
		}
		resp, err := c.Get(url)
		if err != nil {
			return nil, err
		}
		prev = resp
		if resp.StatusCode >= 500 {
			return resp, fmt.Errorf("server returned %d", resp.StatusCode)
		}
		return resp, nil
	})
}

// Not retried: the literal runs once, and its caller gets both.
func once(c *http.Client, url string, run func(func() (*http.Response, error)) error) error {
	return run(func() (*http.Response, error) {
		resp, err := c.Get(url)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode >= 500 {
			return resp, fmt.Errorf("server returned %d", resp.StatusCode)
		}
		return resp, nil
	})
}
