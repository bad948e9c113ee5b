package testsoff

import (
	"net/http"
	"testing"
)

func TestGet(t *testing.T) {
	c := &http.Client{}
	c.Get("http://example.com")
	http.Get("http://example.com")
}
