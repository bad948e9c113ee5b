package usehelpers

import (
	"encoding/json"
	"net/http"

	"helpers"
)

func closedByHelper(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer helpers.CloseBody(resp)
	return nil
}

func closedByCloser(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer helpers.CloseQuietly(resp.Body)
	return nil
}

func borrowedThenLeaked(c *http.Client, url string) error {
	resp, err := c.Get(url) // want `response body of c.Get is not closed on every path, so the connection leaks at the return on line 34`
	if err != nil {
		return err
	}
	if err := helpers.Check(resp); err != nil {
		return err
	}
	defer resp.Body.Close() // want `closed unread`
	return nil
}

func decodedNotClosed(c *http.Client, url string, v any) error {
	resp, err := c.Get(url) // want `leaks at the return on line 45`
	if err != nil {
		return err
	}
	return helpers.Decode(resp.Body, v)
}

func fetched(c *http.Client, url string) int {
	resp, _, err := helpers.Fetch(c, url)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func opened(c *http.Client, url string) int {
	resp, err := helpers.Open(c, url) // want `response body of helpers.Open is not closed`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func kept(c *http.Client, url string) {
	resp, err := c.Get(url)
	if err != nil {
		return
	}
	helpers.Keep(resp)
}

func sometimes(c *http.Client, url string) error {
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return helpers.SometimesCloses(resp)
}

func viaInterface(d helpers.Doer, req *http.Request) (int, error) {
	resp, _, err := d.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func viaOpener(o helpers.Opener, url string) (int, error) {
	resp, err := o.Open(url) // want `response body of o.Open is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func executed(c *http.Client, req *http.Request) (int, error) {
	resp, err := helpers.Execute(c, req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func redirected(c *http.Client, req *http.Request) (int, error) {
	resp, err := helpers.Redirected(c, req) // want `response body of helpers.Redirected is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func called(c *http.Client, req *http.Request, v any) (int, error) {
	resp, err := helpers.Call(c, req, nil)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func retried(c *http.Client, url string, retry func(func() error) error) error {
	_, err := helpers.Retrying(c, url, retry)
	return err
}

func uploaded(c *http.Client, url string) error {
	_, err := helpers.Upload(c, url)
	return err
}

// The constructor keeps the body: its value owns the Close.
func lines(c *http.Client, url string) (*helpers.Lines, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	l := helpers.NewLines(resp)
	return l, nil
}

func stream(c *http.Client, url string) (*json.Decoder, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	dec, err := helpers.NewStream(resp.StatusCode, resp.Body)
	if err != nil {
		return nil, err
	}
	return dec, nil
}

// A client with a Transport of its own, from another package: no drain
// finding for a one-off GET.
func probe(url string) (bool, error) {
	resp, err := helpers.NewClient().Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}
