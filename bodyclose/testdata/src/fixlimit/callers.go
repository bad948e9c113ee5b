package fixlimit

import "net/http"

// healthy runs for every URL: its lost reuse repeats.
func checkAll(c *http.Client, urls []string) {
	for _, u := range urls {
		healthy(c, u)
	}
}
