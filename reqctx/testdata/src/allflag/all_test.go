package allflag

import (
	"net/http"
	"testing"
)

func TestGet(t *testing.T) {
	http.Get("http://example.com/") // want `http.Get sends a request without a context`
}
