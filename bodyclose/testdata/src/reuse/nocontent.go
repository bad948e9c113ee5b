package reuse

import (
	"fmt"
	"net/http"
	"time"
)

// A captive-portal check: /generate_204 answers 204 No Content, no body
// to drain, whatever loop it is in.
func captivePortal(c *http.Client, hosts []string) {
	for _, h := range hosts {
		u := fmt.Sprintf("http://%s/generate_204?t=%d", h, time.Now().Unix())
		req, err := http.NewRequest("GET", u, nil)
		if err != nil {
			continue
		}
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}
