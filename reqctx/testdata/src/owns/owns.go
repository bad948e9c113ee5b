package owns

import (
	"context"
	"net/http"
)

// The calls reqctx reports for leaving out the context in scope are its
// own: timeouts does not report them again (reqctx.Result.Owns).
func withContext(ctx context.Context, c *http.Client, u string) {
	http.Get(u)                              // want `owned`
	http.DefaultClient.Get(u)                // want `owned`
	c.Post(u, "text/plain", nil)             // want `owned`
	req, _ := http.NewRequest("GET", u, nil) // want `owned`
	http.DefaultClient.Do(req)
	req2, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil) // want `owned`
	http.DefaultClient.Do(req2)
}

// Not owned: no context in scope, a goroutine (which may outlive it), a
// directive that silences reqctx.
func without(u string) {
	http.Get(u)
}

func goroutine(ctx context.Context, u string) {
	go http.Get(u)
}

func silenced(ctx context.Context, u string) {
	//httpvet:ignore reqctx the request must outlive the caller
	http.Get(u)
}
