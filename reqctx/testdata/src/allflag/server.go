package allflag

import (
	"context"
	"net/http"
	"net/http/httptest"
)

// httptest.NewRequest builds a request a handler receives, not one a
// client sends: never reported, even in test code under -reqctx.all.
func testRequest(ctx context.Context) *http.Request {
	return httptest.NewRequest("GET", "/", nil)
}
