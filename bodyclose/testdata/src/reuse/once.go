package reuse

import (
	"context"
	"net/http"
)

// A probe run once per process: one call site, no loop (tailscale's
// wif.detectGCPMetadata). Nothing repeats.
func detectMetadata(ctx context.Context, c *http.Client) bool {
	req, err := http.NewRequestWithContext(ctx, "GET", "http://metadata.google.internal", nil)
	if err != nil {
		return false
	}
	resp, err := c.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.Header.Get("Metadata-Flavor") == "Google"
}

func DetectEnvironment(ctx context.Context) string {
	if detectMetadata(ctx, http.DefaultClient) {
		return "gcp"
	}
	return ""
}

// The same probe called for every host: reported.
func probe(c *http.Client, url string) bool {
	resp, err := c.Get(url)
	if err != nil {
		return false
	}
	defer resp.Body.Close() // want `closed unread on the path returning at line 37`
	return resp.StatusCode == http.StatusOK
}

func probeAll(c *http.Client, urls []string) (n int) {
	for _, u := range urls {
		if probe(c, u) {
			n++
		}
	}
	return n
}

// An exported status check: an API whose callers may call it on every
// request. Reported.
func Healthy(c *http.Client, url string) bool {
	resp, err := c.Get(url)
	if err != nil {
		return false
	}
	defer resp.Body.Close() // want `closed unread on the path returning at line 57`
	return resp.StatusCode == http.StatusOK
}

// A callback: used as a value, it runs whenever its caller decides.
func check(c *http.Client, url string) bool {
	resp, err := c.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close() // want `closed unread on the path returning at line 67`
	return resp.StatusCode == http.StatusNoContent
}

var checks = []func(*http.Client, string) bool{check}
