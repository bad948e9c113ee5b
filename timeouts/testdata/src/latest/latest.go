// Package latest ends in "test" but serves no package named "la" and does
// not begin with "test": it is ordinary code, checked like any other.
package latest

import "net/http"

func Serve(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `http.ListenAndServe`
}

func Fetch(u string) (*http.Response, error) {
	c := &http.Client{} // want `http.Client without Timeout`
	return c.Get(u)
}
