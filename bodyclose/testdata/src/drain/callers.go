package drain

import "net/http"

// Each GET helper below runs again and again: its lost reuse repeats, so
// the default mode reports its success path.
func pollAll(c *http.Client, urls []string) {
	for _, u := range urls {
		request(c, u)
		healthy(c, u)
		lookup(c, u, nil)
		sharedTransport(u)
	}
}
