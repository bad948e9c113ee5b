// Package helpers holds response helpers whose facts other packages use.
package helpers

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
)

// CloseBody drains and closes the body.
func CloseBody(resp *http.Response) { // want CloseBody:`params\(closes=#0 reads=#0\)`
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// CloseQuietly closes any closer.
func CloseQuietly(c io.Closer) { // want CloseQuietly:`params\(closes=#0\)`
	_ = c.Close()
}

// Check looks at the status only: the caller still owns the body.
func Check(resp *http.Response) error { // want Check:`params\(borrows=#0\)`
	if resp.StatusCode >= 400 {
		return errors.New(resp.Status)
	}
	return nil
}

// Decode reads JSON from r without closing it.
func Decode(r io.Reader, v any) error { // want Decode:`params\(borrows=#0 reads=#0\)`
	return json.NewDecoder(r).Decode(v)
}

// ReadString reads r to EOF on every path (rclone's jwtutil
// bodyToString): its caller's connection is released.
func ReadString(r io.Reader) (string, error) { // want ReadString:`params\(borrows=#0 reads=#0 eof=#0\)`
	b, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

// Fetch reads and closes the body and returns the response for its
// status and headers.
func Fetch(c *http.Client, url string) (*http.Response, []byte, error) { // want Fetch:"closedResult"
	resp, err := c.Get(url)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

// Open returns the response: its caller must close it.
func Open(c *http.Client, url string) (*http.Response, error) {
	return c.Get(url)
}

var kept []*http.Response

// Keep stores the response: no fact, the caller owes nothing.
func Keep(resp *http.Response) { kept = append(kept, resp) }

// SometimesCloses closes on one path only: no fact.
func SometimesCloses(resp *http.Response) error {
	if resp.StatusCode != 200 {
		resp.Body.Close()
		return errors.New(resp.Status)
	}
	return nil
}

// Doer is an SDK interface whose only implementation reads and closes
// the body.
type Doer interface {
	Do(req *http.Request) (*http.Response, []byte, error) // want Do:"closedResult"
}

type client struct{ c *http.Client }

func (c *client) Do(req *http.Request) (*http.Response, []byte, error) { // want Do:"closedResult"
	resp, err := c.c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

// NewDoer returns the implementation.
func NewDoer() Doer { return &client{http.DefaultClient} }

// Opener is an interface whose implementation leaves the body open.
type Opener interface {
	Open(url string) (*http.Response, error)
}

type opener struct{}

func (opener) Open(url string) (*http.Response, error) { return http.Get(url) }

// Execute buffers error bodies (the caller may close or not: no
// connection) and returns live bodies on success: its callers cannot tell
// which they get, so they are not checked.
func Execute(c *http.Client, req *http.Request) (*http.Response, error) { // want Execute:"closedResult"
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusOK {
		return resp, nil
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(b))
	return resp, nil
}

// Redirected returns a closed response only with an error, as
// http.Client.Do does on a CheckRedirect error: not a fact.
func Redirected(c *http.Client, req *http.Request) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if err := check(resp); err != nil {
		resp.Body.Close()
		return resp, err
	}
	return resp, nil
}

func check(*http.Response) error { return nil } // want check:`params\(borrows=#0\)`

// Call decodes through a function value, which may close the body, or
// returns the response untouched: callers cannot tell, not checked.
func Call(c *http.Client, req *http.Request, decode func(*http.Response) error) (*http.Response, error) { // want Call:"closedResult"
	resp, err := c.Do(req)
	if err != nil {
		return resp, err
	}
	if decode == nil {
		return resp, nil
	}
	err = decode(resp)
	return resp, err
}

// Retrying gets a closed response through a retry closure.
func Retrying(c *http.Client, url string, retry func(func() error) error) (resp *http.Response, err error) { // want Retrying:"closedResult"
	err = retry(func() error {
		resp, _, err = Fetch(c, url)
		return err
	})
	return resp, err
}

// Upload never sets its response result: it always returns nil.
func Upload(c *http.Client, url string) (response *http.Response, err error) { // want Upload:"closedResult"
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return response, err
}

// Lines reads a body line by line; its user closes the body with Close.
type Lines struct {
	sc *bufio.Scanner
	c  io.Closer
}

func (l *Lines) Close() error { return l.c.Close() }

// NewLines keeps the response's body in the value it returns.
func NewLines(resp *http.Response) *Lines { // want NewLines:`params\(keeps=#0 reads=#0\)`
	l := &Lines{sc: bufio.NewScanner(resp.Body)}
	l.c = resp.Body
	return l
}

// NewStream keeps a reader over the body.
func NewStream(status int, body io.ReadCloser) (*json.Decoder, error) { // want NewStream:`params\(keeps=#1 reads=#1\)`
	if status != http.StatusOK {
		return nil, errors.New("status")
	}
	return json.NewDecoder(body), nil
}

// NewClient builds a Transport on every call.
func NewClient() *http.Client { // want NewClient:"freshTransport"
	return &http.Client{Transport: &http.Transport{}}
}

// FetchFunc is a named function type whose results hold a response.
type FetchFunc func(url string) (*http.Response, error)
