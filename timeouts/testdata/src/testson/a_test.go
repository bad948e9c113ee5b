package testson

import (
	"net/http"
	"testing"
)

func TestGet(t *testing.T) {
	c := &http.Client{} // want `http.Client without Timeout`
	c.Get("http://example.com")
	http.Get("http://example.com") // want `http.Get uses http.DefaultClient`
}
