// Package nolint: gosec's G112 and G114 are timeouts' server findings; a
// //nolint:gosec on them has declined the fix already.
package nolint

import (
	"net/http"
	"os"
)

func profiler(h http.Handler) {
	go func() {
		//nolint:gosec
		if err := http.ListenAndServe(os.Getenv("PROFILER_ADDR"), h); err != nil {
			panic(err)
		}
	}()
}

func proxy(h http.Handler) error {
	return http.ListenAndServe(os.Getenv("PROXY_ADDR"), h) //nolint:gosec // developer tool
}

func server(h http.Handler) error {
	srv := &http.Server{Addr: os.Getenv("ADDR"), Handler: h} //nolint:gosec
	return srv.ListenAndServe()
}

// Another linter's //nolint is not gosec's.
func unsuppressed(h http.Handler) error {
	//nolint:errcheck
	return http.ListenAndServe(os.Getenv("ADDR"), h) // want `http.ListenAndServe starts a server without timeouts`
}

// gosec's suppression does not reach a client: gosec has no rule for it.
func client(url string) error {
	//nolint:gosec
	c := &http.Client{} // want `http.Client without Timeout`
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
