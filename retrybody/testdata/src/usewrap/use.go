package usewrap

import (
	"bytes"
	"net/http"
	"wrap"
)

func post(c *wrap.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	c.DoRetry(req) // want `DoRetry sends req again in a loop without resetting its body, so a retry sends an empty body or fails; make DoRetry reset the body from GetBody before each attempt or build a new request per attempt`
}

func get(c *wrap.Client, url string) {
	req, _ := http.NewRequest("GET", url, nil)
	c.DoRetry(req)
}

func indirect(c *wrap.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	wrap.Retry(c, req) // want `Retry sends req again in a loop`
}

func loopOverWrapper(c *wrap.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		if _, err := c.Do(req); err == nil { // want `this Do runs again`
			return
		}
	}
}

func rewinding(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	wrap.Rewinding(c, req)
	for i := 0; i < 2; i++ {
		wrap.Rewinding(c, req)
	}
}

func embedded(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	wrap.Loop(c, &wrap.Request{Request: req, Attempts: 3})
	r := &wrap.Request{Request: req, Attempts: 3}
	wrap.Loop(c, r)
}

func buffered(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	wrap.Buffered(c, req)
}
