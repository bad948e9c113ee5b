package fixlimit

import (
	"net/http"
)

// -drain-limit=1048576 is written 1<<20; the io import is added.
func healthy(c *http.Client, url string) (bool, error) {
	resp, err := c.Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close() // want `drain it first with io.Copy\(io.Discard, io.LimitReader\(resp.Body, 1<<20\)\)`
	return resp.StatusCode == http.StatusOK, nil
}

// Polls until the status is 200, closing each answer.
func waitUp(c *http.Client, url string) {
	for {
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close() // want `closed unread before the loop sends the request again`
		if resp.StatusCode == http.StatusOK {
			return
		}
	}
}
