package a

import (
	"bytes"
	"net/http"
)

// The request given to a function value only on some paths: the path
// that skips the call sends the consumed body again.

func shortCircuit(c *http.Client, u string, data []byte, retryIf func(*http.Request, error) bool) {
	req, _ := http.NewRequest("POST", u, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		_, err := c.Do(req) // want `this Do runs again on the same request`
		if retryIf != nil && !retryIf(req, err) {
			break
		}
	}
}

func hookIfSet(c *http.Client, u string, data []byte, hook func(*http.Request)) {
	req, _ := http.NewRequest("POST", u, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		if hook != nil {
			hook(req)
		}
		if _, err := c.Do(req); err == nil { // want `this Do runs again on the same request`
			return
		}
	}
}

// Every attempt goes through the function value, which may give the
// request a new body: the analysis cannot know, and says nothing.
func hookAlways(c *http.Client, u string, data []byte, prepare func(*http.Request) bool) {
	req, _ := http.NewRequest("POST", u, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		if !prepare(req) {
			return
		}
		if _, err := c.Do(req); err == nil {
			return
		}
	}
}
