// Package swift is reduced from ncw/swift's Connection.Call: each attempt
// builds a new request around the caller's p.Body (wrapped in a watchdog
// reader), and a 401 re-authenticates and goes round again.
//
// https://github.com/ncw/swift/commit/d2de41c8fd082fbb1bb9e3aba8417bd941b48d08
//
// Bug: after a 401 the retry sent a new request over the same p.Body, which
// the first attempt had already read, so the retried upload was empty or
// truncated; the fix seeks p.Body back to the start before retrying, and
// gives up when the body cannot seek.
package swift

import (
	"context"
	"errors"
	"io"
	"io/ioutil"
	"net/http"
	"net/url"
	"time"
)

var AuthorizationFailed = errors.New("authorization failed")

type RequestOpts struct {
	Container  string
	ObjectName string
	Operation  string
	Parameters url.Values
	Body       io.Reader
	Retries    int
}

type Connection struct {
	StorageUrl     string
	AuthToken      string
	Retries        int
	ConnectTimeout time.Duration
	Timeout        time.Duration
	client         *http.Client
}

func (c *Connection) getUrlAndAuthToken(ctx context.Context, targetUrlIn string) (targetUrlOut, authToken string, err error) {
	targetUrlOut = targetUrlIn
	if targetUrlOut == "" {
		targetUrlOut = c.StorageUrl
	}
	return targetUrlOut, c.AuthToken, nil
}

func (c *Connection) UnAuthenticate() { c.AuthToken = "" }

type watchdogReader struct {
	reader  io.Reader
	timeout time.Duration
	timer   *time.Timer
}

func newWatchdogReader(reader io.Reader, timeout time.Duration, timer *time.Timer) *watchdogReader {
	return &watchdogReader{reader: reader, timeout: timeout, timer: timer}
}

func (t *watchdogReader) Read(p []byte) (int, error) {
	t.timer.Reset(t.timeout)
	return t.reader.Read(p)
}

func (c *Connection) doTimeoutRequest(timer *time.Timer, req *http.Request) (*http.Response, error) {
	type result struct {
		resp *http.Response
		err  error
	}
	done := make(chan result, 1)
	go func() {
		res, err := c.client.Do(req)
		done <- result{res, err}
	}()
	select {
	case r := <-done:
		return r.resp, r.err
	case <-timer.C:
		return nil, errors.New("timeout")
	}
}

func drainAndClose(rd io.ReadCloser, err *error) {
	if rd == nil {
		return
	}
	_, _ = io.Copy(ioutil.Discard, rd)
	cerr := rd.Close()
	if err != nil && *err == nil {
		*err = cerr
	}
}

func (c *Connection) Call(ctx context.Context, targetUrl string, p RequestOpts) (resp *http.Response, err error) {
	retries := p.Retries
	if retries == 0 {
		retries = c.Retries
	}
	var req *http.Request
	for {
		var authToken string
		if targetUrl, authToken, err = c.getUrlAndAuthToken(ctx, targetUrl); err != nil {
			return //authentication failure
		}
		var URL *url.URL
		URL, err = url.Parse(targetUrl)
		if err != nil {
			return
		}
		if p.Container != "" {
			URL.Path += "/" + p.Container
			if p.ObjectName != "" {
				URL.Path += "/" + p.ObjectName
			}
		}
		if p.Parameters != nil {
			URL.RawQuery = p.Parameters.Encode()
		}
		timer := time.NewTimer(c.ConnectTimeout)
		defer timer.Stop()
		reader := p.Body
		if reader != nil {
			reader = newWatchdogReader(reader, c.Timeout, timer)
		}
		req, err = http.NewRequestWithContext(ctx, p.Operation, URL.String(), reader)
		if err != nil {
			return
		}
		req.Header.Add("X-Auth-Token", authToken)

		resp, err = c.doTimeoutRequest(timer, req)
		if err != nil {
			if (p.Operation == "HEAD" || p.Operation == "GET") && retries > 0 {
				retries--
				continue
			}
			return
		}
		// Check to see if token has expired
		if resp.StatusCode == 401 && retries > 0 {
			drainAndClose(resp.Body, nil)
			c.UnAuthenticate()
			retries--
			err = AuthorizationFailed

			// Attempt to rewind the body
			if p.Body != nil {
				if do, ok := p.Body.(io.Seeker); ok {
					if _, seekErr := do.Seek(0, io.SeekStart); seekErr != nil {
						return
					}
				} else {
					return
				}
			}
		} else {
			break
		}
	}
	return
}

// ObjectPut uploads an object.
func (c *Connection) ObjectPut(ctx context.Context, container, objectName string, contents io.Reader) (*http.Response, error) {
	return c.Call(ctx, c.StorageUrl, RequestOpts{
		Container:  container,
		ObjectName: objectName,
		Operation:  "PUT",
		Body:       contents,
	})
}
