package a

import (
	"net/http"
	"time"
)

// A client with a Timeout ends the request when it passes, and the
// Transport then closes the connection: the unclosed body holds it until
// then, not for good.
func timeoutClient(u string) error {
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(u) // want `response body of c.Get is not closed on every path \(at the return on line 18\), so its connection is held, unusable, until the client's 10s Timeout cancels the request; add defer resp.Body.Close\(\) after the error check`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return nil
	}
	return resp.Body.Close()
}

func timeoutDiscarded(u string) {
	c := &http.Client{Timeout: time.Minute}
	c.Get(u) // want `response of c.Get is discarded without closing its body, so its connection is held, unusable, until the client's 1m0s Timeout cancels the request`
}

type timedAPI struct{ hc *http.Client }

func newTimedAPI(d time.Duration) *timedAPI {
	return &timedAPI{hc: &http.Client{Timeout: d}}
}

func (a *timedAPI) get(u string) {
	a.hc.Get(u) // want `response of a.hc.Get is discarded without closing its body, so its connection is held, unusable, until the client's Timeout \(d\) cancels the request, for good if that is zero`
}

// No Timeout in view, or an explicit zero: the connection leaks.
func zeroTimeout(u string) {
	c := &http.Client{Timeout: 0}
	c.Get(u) // want `response of c.Get is discarded without closing its body, so the connection leaks`
}

func someClient(c *http.Client, u string) {
	c.Get(u) // want `response of c.Get is discarded without closing its body, so the connection leaks`
}
