// Package drainall is checked with -drain=all: every unread path.
package drainall

import (
	"errors"
	"fmt"
	"log"
	"net/http"
)

func statusBranch(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `response body is closed unread on the paths returning at lines 18, 20, so its connection cannot be reused; drain it first with io.Copy\(io.Discard, io.LimitReader\(resp.Body, 64<<10\)\)`
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func deleteItem(c *http.Client, url string) error {
	req, err := http.NewRequest(http.MethodDelete, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close() // want `closed unread on the paths returning at lines 34, 36`
	if resp.StatusCode > 299 {
		return errors.New(resp.Status)
	}
	return nil
}

func poll(c *http.Client, url string) {
	for {
		resp, err := c.Get(url)
		if err != nil {
			return
		}
		resp.Body.Close() // want `closed unread before the loop sends the request again`
	}
}

// ---- not reported, even with -drain=all ----

func pollNoKeepAlive(url string) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for {
		resp, err := c.Get(url)
		if err != nil {
			return
		}
		resp.Body.Close()
	}
}

func deferBeforeCheck(url string) error {
	resp, err := http.Get(url)
	defer resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// Returns normally at the end of the function.
func mustBeUp(url string) {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close() // want `closed unread on the path returning at line 84`
	if resp.StatusCode != http.StatusOK {
		log.Fatal(resp.Status)
	}
}

// One Read of what has arrived, then Close: the body is closed before its
// end (timakin/bodyclose's falsePositiveDirectRead: not a false positive).
func directRead(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close() // want `response body is closed unread on the path returning at line 96`
	buf := make([]byte, 1024)
	resp.Body.Read(buf)
}
