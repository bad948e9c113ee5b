package reuse

import (
	"errors"
	"net/http"
	"time"
)

// A poll loop that sleeps 101 ms: a constant equal to 101 says nothing
// about the response; its unread close loses the connection each round.
func pollEvery101(c *http.Client, url string) {
	for {
		resp, err := c.Get(url)
		if err == nil {
			resp.Body.Close() // want `closed unread before the loop sends the request again`
		}
		time.Sleep(101 * time.Millisecond)
	}
}

// A response whose status is 101 Switching Protocols has no body to
// drain: its Body is the connection itself. The branch that tests for
// it is pruned; the other branch still has a body.
func upgradeEachRound(c *http.Client, url string) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		resp, err := c.Get(url)
		if err != nil {
			return nil, err
		}
		if resp.StatusCode != http.StatusSwitchingProtocols {
			resp.Body.Close() // want `closed unread before the loop sends the request again`
			continue
		}
		return resp, nil
	}
	return nil, errors.New("no upgrade")
}

// The close on the 101 branch has nothing to drain; the other one does.
func closeUpgraded(c *http.Client, url string) error {
	for i := 0; i < 3; i++ {
		resp, err := c.Get(url)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusSwitchingProtocols {
			resp.Body.Close()
			continue
		}
		resp.Body.Close() // want `closed unread before the loop sends the request again`
	}
	return nil
}
