// Package ownership: who owns a response once it is handed to a closure,
// a constructor, a goroutine or a struct.
package ownership

import (
	"errors"
	"io"
	"log"
	"net/http"
	"os"
)

// A local closure variable that receives the response and closes it.
func closureHandles(c *http.Client, req *http.Request) {
	handleResponse := func(res *http.Response, err error) {
		if err != nil {
			log.Print(err)
			return
		}
		defer res.Body.Close()
		_, _ = io.Copy(os.Stdout, res.Body)
	}
	resp, err := c.Do(req)
	handleResponse(resp, err)
}

func closureHandlesDirect(c *http.Client, req *http.Request) {
	handle := func(res *http.Response, err error) {
		if err == nil {
			res.Body.Close()
		}
	}
	handle(c.Do(req))
}

// A closure that only looks at the status borrows the response.
func closureBorrows(c *http.Client, url string) error {
	check := func(r *http.Response) error {
		if r.StatusCode != http.StatusOK {
			return errors.New(r.Status)
		}
		return nil
	}
	resp, err := c.Get(url) // want `response body of c.Get is not closed on every path, so the connection leaks at the return on line 48; add defer resp.Body.Close\(\) after the error check`
	if err != nil {
		return err
	}
	return check(resp)
}

// _ = resp hands nothing on.
func blank(url string) error {
	resp, err := http.Get(url) // want `leaks at the return on line 58`
	if err != nil {
		return err
	}
	_ = resp
	return nil
}

func blankBody(url string) error {
	resp, err := http.Get(url) // want `leaks at the return on line 67`
	if err != nil {
		return err
	}
	_ = resp.Body
	return nil
}

// A cleanup closure called on one path only.
func cleanupOnePath(url string) error {
	resp, err := http.Get(url) // want `leaks at the return on line 81`
	if err != nil {
		return err
	}
	cleanup := func() { resp.Body.Close() }
	if resp.StatusCode != http.StatusOK {
		cleanup()
		return errors.New(resp.Status)
	}
	return nil
}

// A cleanup closure never called.
func cleanupNeverCalled(url string) error {
	resp, err := http.Get(url) // want `leaks at the return on line 92`
	if err != nil {
		return err
	}
	cleanup := func() { resp.Body.Close() }
	_ = cleanup
	return nil
}

func cleanupDeferred(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	cleanup := func() { resp.Body.Close() } // want `closed unread on the path returning at line 102`
	defer cleanup()
	return nil
}

// A deferred literal that takes the body and does nothing with it.
func deferNothing(url string) error {
	resp, err := http.Get(url) // want `leaks at the return on line 112`
	if err != nil {
		return err
	}
	defer func(b io.ReadCloser) { log.Print("done") }(resp.Body)
	return nil
}

func deferCloses(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer func(b io.ReadCloser) { _ = b.Close() }(resp.Body)
	return nil
}

// A goroutine that reads the body and never closes it.
func goroutineReads(url string) error {
	resp, err := http.Get(url) // want `leaks at the return on line 131`
	if err != nil {
		return err
	}
	go func() { _, _ = io.Copy(os.Stdout, resp.Body) }()
	return nil
}

func goroutineCloses(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	go func() {
		defer resp.Body.Close()
		_, _ = io.Copy(os.Stdout, resp.Body)
	}()
	return nil
}

type result struct {
	resp *http.Response
	hops int
}

// A redirect loop written with goto drops each response it stored in a
// local struct.
func redirects(c *http.Client, req *http.Request) (*result, error) {
	hops := 0
START:
	resp, err := c.Do(req) // want `leaks at the goto on line 163; close resp.Body before the request is sent again`
	if err != nil {
		return nil, err
	}
	res := &result{resp: resp, hops: hops}
	if resp.StatusCode == http.StatusMovedPermanently && hops < 10 {
		hops++
		goto START
	}
	return res, nil
}

// The holder is returned: the response goes with it.
func holderReturned(c *http.Client, req *http.Request) (*result, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	res := &result{resp: resp}
	return res, nil
}

// The holder's field is closed.
func holderClosed(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	res := result{resp: resp}
	defer res.resp.Body.Close()
	return res.resp.StatusCode, nil
}

// A retry loop with resp := inside names the continue, not a line after
// the loop.
func retryContinue(c *http.Client, req *http.Request) error {
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req) // want `leaks at the continue on line 198; close resp.Body before the request is sent again`
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			continue
		}
		resp.Body.Close()
		return nil
	}
	return errors.New("gave up")
}

// Every leaking exit is named.
func twoExits(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `leaks at the returns on lines 213, 216; add`
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// An alias declared before the loop keeps the last response: closed after
// the loop, the others in it.
func keepLast(c *http.Client, req *http.Request) error {
	var last *http.Response
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		last = resp
		if resp.StatusCode == http.StatusOK {
			break
		}
		resp.Body.Close()
	}
	if last != nil {
		last.Body.Close()
	}
	return nil
}

type wrapped struct{ *http.Response }

// The holder keeps the first response, returned; the redirected one is
// dropped (vault's api client).
func redirectOnce(c *http.Client, req *http.Request) (*wrapped, error) {
	var result *wrapped
	resp, err := c.Do(req)
	if resp != nil {
		result = &wrapped{Response: resp}
	}
	if err != nil {
		return result, err
	}
	if resp.StatusCode == http.StatusFound {
		resp, err = c.Do(req) // want `leaks at the returns on lines 262, 264;`
		if err != nil {
			return result, err
		}
	}
	if result.StatusCode >= 400 {
		return nil, errors.New(result.Status)
	}
	return result, nil
}
