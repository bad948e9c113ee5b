package fix

import (
	"context"
	"net/http"
)

// The fix passes ctx, whose type is an alias; context has no other use
// here, so its import goes.
func (a *api) get(ctx Ctx, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.TODO(), "GET", u, nil) // want `context.TODO\(\) detaches this request from ctx`
	if err != nil {
		return nil, err
	}
	return a.client.Do(req)
}
