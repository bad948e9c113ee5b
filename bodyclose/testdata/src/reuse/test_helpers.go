package reuse

import (
	"net/http"
	"time"
)

// A readiness wait in a test helper file (gin's test_helpers.go), called
// from several tests and once per test: not reported.
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

func startA(url string) error { return waitForServerReady(url, 5) }
func startB(url string) error { return waitForServerReady(url, 5) }
