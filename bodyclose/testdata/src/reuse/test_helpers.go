package reuse

import (
	"net/http"
	"time"
)

// A readiness wait called only from tests (helpers_test.go), several
// times but once per test: test code, not reported. Its file imports no
// testing; its callers make it test code.
func waitForServerReady(url string, attempts int) error {
	client := &http.Client{Timeout: 100 * time.Millisecond}
	for i := 0; i < attempts; i++ {
		resp, err := client.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return nil
}
