package fix

import (
	"context"
	"io"
	"log"
	"net/http"
	"time"
)

// poll retries at once on error without looking at ctx: given ctx, the
// request fails at once after cancellation and the loop spins, so no fix
// is offered, and the message says what else to change.
func poll(ctx context.Context, u string) {
	for tick := time.Tick(time.Second); ; {
		resp, err := http.Get(u) // want `http.Get sends a request without ctx, which is in scope, .*; the loop around it retries on error without checking ctx, so also return there when ctx.Err\(\) != nil, or a cancelled ctx makes it retry forever`
		if err != nil {
			log.Print(err)
			time.Sleep(time.Second)
			continue
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		select {
		case <-tick:
		case <-ctx.Done():
			return
		}
	}
}

// pollChecked returns on the error path when ctx is done: the fix is safe.
func pollChecked(ctx context.Context, u string) {
	for {
		req, err := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx, which is in scope, so cancelling ctx does not stop it; use http.NewRequestWithContext\(ctx, …\)$`
		if err != nil {
			return
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			continue
		}
		resp.Body.Close()
		select {
		case <-time.After(time.Second):
		case <-ctx.Done():
			return
		}
	}
}
