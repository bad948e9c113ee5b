package usehelpers

import "net/http"

// borrowedThenLeaked runs once per URL: its lost reuse repeats.
func checkAll(c *http.Client, urls []string) {
	for _, u := range urls {
		borrowedThenLeaked(c, u)
	}
}
