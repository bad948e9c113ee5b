package a

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
)

// setTarget only sets the request's URL: giving the request to it is no
// reset of its body.
func setTarget(req *http.Request, root string) error {
	u, err := url.Parse(root + req.URL.Path)
	if err != nil {
		return err
	}
	req.URL = u
	req.Header.Set("X-Target", u.String())
	return nil
}

func retargeted(c *http.Client, root, u string, data []byte) {
	req, _ := http.NewRequest("POST", u, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		if setTarget(req, root) != nil {
			return
		}
		if _, err := c.Do(req); err == nil { // want `this Do runs again on the same request`
			return
		}
	}
}

// rewind gives the request a new body: a reset.
func rewind(req *http.Request, data []byte) {
	req.Body = io.NopCloser(bytes.NewReader(data))
}

func rewound(c *http.Client, u string, data []byte) {
	req, _ := http.NewRequest("POST", u, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		rewind(req, data)
		if _, err := c.Do(req); err == nil {
			return
		}
	}
}

// passOn hands the request to a helper that may do anything with it.
func passOn(req *http.Request, sign func(*http.Request)) {
	sign(req)
}

func signed(c *http.Client, u string, data []byte, sign func(*http.Request)) {
	req, _ := http.NewRequest("POST", u, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		passOn(req, sign)
		if _, err := c.Do(req); err == nil {
			return
		}
	}
}

// The loop gives the request its body again when it has one to give: the
// path that skips that is most likely one without a body.
func rewoundWhenSet(c *http.Client, req *http.Request) (*http.Response, error) {
	var body io.ReadCloser
	if req.GetBody != nil {
		body, _ = req.GetBody()
	}
	resp, err := c.Do(req)
	for i := 0; i < 3 && err != nil; i++ {
		if body != nil {
			req.Body = body
			body, _ = req.GetBody()
		}
		resp, err = c.Do(req)
	}
	return resp, err
}
