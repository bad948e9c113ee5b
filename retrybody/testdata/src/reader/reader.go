// A new request per attempt around the same reader: the first send read
// the reader to its end.
package reader

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net/http"
	"os"
)

// Bad: the reader is the caller's, and the retry sends what is left of
// it: nothing.
func Upload(c *http.Client, u string, body io.Reader) (*http.Response, error) {
	for i := 0; i < 3; i++ {
		req, err := http.NewRequest(http.MethodPut, u, body) // want `each attempt builds a new request around the same reader body, which the Do at line 22 read to its end`
		if err != nil {
			return nil, err
		}
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
	}
	return nil, errors.New("upload failed")
}

// Bad: wrapping the reader on each attempt reads the same reader.
func UploadBuffered(c *http.Client, u string, body io.Reader) error {
	for i := 0; i < 3; i++ {
		r := bufio.NewReader(body)
		req, _ := http.NewRequest(http.MethodPut, u, r) // want `around the same reader body`
		if resp, err := c.Do(req); err == nil {
			return resp.Body.Close()
		}
	}
	return errors.New("upload failed")
}

// Bad: one reader for every target: the second gets an empty body.
func Broadcast(c *http.Client, targets []string, body io.Reader) {
	for _, u := range targets {
		req, _ := http.NewRequest(http.MethodPost, u, body) // want `around the same reader body`
		if resp, err := c.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

// Good: the loop rewinds the reader before each attempt.
func UploadRewound(c *http.Client, u string, body io.Reader) error {
	for i := 0; i < 3; i++ {
		if s, ok := body.(io.Seeker); ok {
			if _, err := s.Seek(0, io.SeekStart); err != nil {
				return err
			}
		}
		req, _ := http.NewRequest(http.MethodPut, u, body)
		if resp, err := c.Do(req); err == nil {
			return resp.Body.Close()
		}
	}
	return errors.New("upload failed")
}

// Good: a new reader of the bytes per attempt.
func UploadBytes(c *http.Client, u string, data []byte) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest(http.MethodPut, u, bytes.NewReader(data))
		if resp, err := c.Do(req); err == nil {
			return resp.Body.Close()
		}
	}
	return errors.New("upload failed")
}

// Good: the file is opened again for each attempt.
func UploadFile(c *http.Client, u, name string) error {
	for i := 0; i < 3; i++ {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		req, _ := http.NewRequest(http.MethodPut, u, f)
		resp, err := c.Do(req)
		if err == nil {
			return resp.Body.Close()
		}
	}
	return errors.New("upload failed")
}

// sendAsync sends the request on a goroutine it starts: the body is
// consumed there.
func sendAsync(c *http.Client, req *http.Request, done chan<- error) { // want sendAsync:"sends req"
	go func() {
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
}

// Bad: the goroutine's send read the reader.
func UploadAsync(c *http.Client, u string, body io.Reader) error {
	done := make(chan error, 1)
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest(http.MethodPut, u, body) // want `around the same reader body, which the sendAsync at line 112 read to its end`
		sendAsync(c, req, done)
		if err := <-done; err == nil {
			return nil
		}
	}
	return errors.New("upload failed")
}

// http.NoBody is the same empty reader every time: nothing to consume.
func PollNoBody(c *http.Client, u string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest(http.MethodGet, u, http.NoBody)
		if resp, err := c.Do(req); err == nil {
			return resp.Body.Close()
		}
	}
	return errors.New("poll failed")
}
