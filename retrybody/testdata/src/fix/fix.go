package fix

import (
	"bytes"
	"io"
	"net/http"
	"strings"
)

type client struct {
	hc *http.Client
}

func loop(c *http.Client, url string, data []byte) error {
	req, err := http.NewRequest("POST", url, bytes.NewReader(data))
	if err != nil {
		return err
	}
	var lastErr error
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req) // want `this Do runs again`
		if err != nil {
			lastErr = err
			continue
		}
		resp.Body.Close()
		return nil
	}
	return lastErr
}

func (c *client) unauthorized(url string) (*http.Response, error) {
	req, err := http.NewRequest("POST", url, strings.NewReader("payload"))
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		resp.Body.Close()
		switch {
		default:
			resp, err = c.hc.Do(req) // want `this Do sends req again`
		}
	}
	return resp, err
}

func labeled(c *http.Client, url string, buf *bytes.Buffer) {
	req, _ := http.NewRequest("POST", url, buf)
	n := 0
again:
	if _, err := c.Do(req); err != nil && n < 2 { // want `this Do runs again`
		n++
		goto again
	}
}

// inHeader: the send is in the loop's condition: no fix.
func inHeader(c *http.Client, url string) {
	req, _ := http.NewRequest("POST", url, strings.NewReader("x"))
	for _, err := c.Do(req); err != nil; _, err = c.Do(req) { // want `this Do sends req again`
	}
}

// notRewindable: an io.Reader: GetBody is not set, no fix.
func notRewindable(c *http.Client, url string, body interface{ Read([]byte) (int, error) }) {
	req, _ := http.NewRequest("POST", url, body)
	for i := 0; i < 2; i++ {
		c.Do(req) // want `this Do runs again`
	}
}

func newReq(url string, body io.Reader) (*http.Request, error) { // want newReq:`requestBody\[1\]`
	return http.NewRequest("POST", url, body)
}

// viaHelper: the helper passes the *bytes.Reader to NewRequest, which
// sets GetBody.
func viaHelper(c *http.Client, url string, data []byte) {
	req, _ := newReq(url, bytes.NewReader(data))
	for i := 0; i < 2; i++ {
		c.Do(req) // want `reset req.Body from req.GetBody`
	}
}

// A request kept in a field, built with a *bytes.Reader: the reset goes
// on the field.
type uploader struct {
	req *http.Request
}

func newUploader(url string, data []byte) *uploader {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	return &uploader{req: req}
}

func (up *uploader) send(c *http.Client) {
	for i := 0; i < 2; i++ {
		c.Do(up.req) // want `reset up.req.Body from up.req.GetBody`
	}
}
