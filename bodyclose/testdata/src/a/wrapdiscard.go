package a

import (
	"bufio"
	"io"
	"net/http"
)

// A wrapper that keeps the body, thrown away: nothing can close the body
// any more.
func maxBytesDiscarded(c *http.Client, u string) error {
	resp, err := c.Get(u) // want `response body of c.Get is not closed on every path`
	if err != nil {
		return err
	}
	_ = http.MaxBytesReader(nil, resp.Body, 1<<20)
	return nil
}

func maxBytesStatement(c *http.Client, u string) error {
	resp, err := c.Get(u) // want `response body of c.Get is not closed on every path`
	if err != nil {
		return err
	}
	http.MaxBytesReader(nil, resp.Body, 1<<20)
	return nil
}

func readerDiscarded(c *http.Client, u string) error {
	resp, err := c.Get(u) // want `response body of c.Get is not closed on every path`
	if err != nil {
		return err
	}
	_ = bufio.NewReader(resp.Body)
	return nil
}

// The nearest correct code: the wrapper is closed, which closes the body.
func maxBytesClosed(c *http.Client, u string) ([]byte, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, err
	}
	r := http.MaxBytesReader(nil, resp.Body, 1<<20)
	defer r.Close()
	return io.ReadAll(r)
}

// Or the body itself is closed.
func maxBytesBodyClosed(c *http.Client, u string) error {
	resp, err := c.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_ = http.MaxBytesReader(nil, resp.Body, 1<<20)
	return nil
}
