package broken

import (
	"bytes"
	"net/http"
)

func f(c *http.Client, data []byte) {
	req, _ := http.NewRequest("POST", undefined, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		c.Do(req, extra)
		c.Do(req)
		nosuch.Do(req)
		req.Nosuch()
	}
	var g func(*http.Request) (*http.Response, error)
	for {
		g(req)
	}
}
