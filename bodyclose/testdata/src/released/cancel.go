package released

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptrace"
	"time"
)

// The request's context is cancelled when the function returns
// (tailscale's postPingResult): the Transport closes the connection then.
func postResult(c *http.Client, url string, body []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	_, err = c.Do(req)
	return err
}

// The same through req.WithContext and a derived trace context, and a
// status check that returns before any Close.
func statusOnly(c *http.Client, url string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{})
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return nil
}

// The context cancelled by every caller right after the call
// (tailscale's stunstamp remoteWriteClient.write).
type writer struct{ c *http.Client }

func (w *writer) write(ctx context.Context, url string, b []byte) error {
	req, err := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(b))
	if err != nil {
		return err
	}
	resp, err := w.c.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

func writeAll(w *writer, url string, bs [][]byte) {
	for _, b := range bs {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_ = w.write(ctx, url, b)
		cancel()
	}
}

func writeOnce(w *writer, url string, b []byte) error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return w.write(ctx, url, b)
}

// One caller does not cancel: reported.
func (w *writer) send(ctx context.Context, url string) error {
	req, err := http.NewRequestWithContext(ctx, "POST", url, nil)
	if err != nil {
		return err
	}
	resp, err := w.c.Do(req) // want `response body of w.c.Do is not closed on every path, so the connection leaks at the return on line 92; add defer resp.Body.Close\(\) after the error check`
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

func sendBoth(w *writer, url string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_ = w.send(ctx, url)
	_ = w.send(context.Background(), url)
}

// A cancel that is not deferred does not run on every return: reported.
func cancelLate(c *http.Client, url string) error {
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		cancel()
		return err
	}
	_, err = c.Do(req) // want `response of c.Do is discarded`
	cancel()
	return err
}

// A loop piles up open bodies before the return: reported.
func pollCancelled(c *http.Client, url string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return
	}
	for i := 0; i < 10; i++ {
		resp, err := c.Do(req) // want `not closed on every path, so the connection leaks at the end of the loop body on line 134; close resp.Body before the request is sent again`
		if err != nil {
			return
		}
		if resp.StatusCode == http.StatusOK {
			resp.Body.Close()
			return
		}
	}
}

// A caller that polls with one context cancelled only when it returns
// piles up a connection per round: reported.
func getKB(ctx context.Context, c *http.Client, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.Do(req) // want `response body of c.Do is not closed on every path, so the connection leaks at the return on line 149`
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func pollKB(c *http.Client, url string, tick <-chan time.Time) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range tick {
		if _, err := getKB(ctx, c, url); err != nil {
			return err
		}
	}
	return nil
}

// A context made for one operation and cancelled when it ends, three
// calls and a goroutine up (tailscale's controlhttp dialHostOpt →
// dialURL → tryURLUpgrade): the connection ends with the operation.
type dialer struct{ tr http.RoundTripper }

func (d *dialer) dial(ctx context.Context, urls []string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ctx = withLabel(ctx, "dial")
	errc := make(chan error)
	try := func(u string) {
		errc <- d.dialURL(ctx, u)
	}
	go try(urls[0])
	go try(urls[1])
	err := <-errc
	if err == nil {
		return nil
	}
	return <-errc
}

type labelKey struct{}

func withLabel(ctx context.Context, label string) context.Context {
	return context.WithValue(ctx, labelKey{}, label)
}

func (d *dialer) dialURL(ctx context.Context, u string) error {
	return d.upgrade(ctx, u)
}

func (d *dialer) upgrade(ctx context.Context, u string) error {
	ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{})
	req, err := http.NewRequest("POST", u, nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	resp, err := d.tr.RoundTrip(req)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// context.WithoutCancel outlives the operation: reported.
func (d *dialer) detached(ctx context.Context, u string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	return d.upgradeDetached(context.WithoutCancel(ctx), u)
}

func (d *dialer) upgradeDetached(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, "POST", u, nil)
	if err != nil {
		return err
	}
	resp, err := d.tr.RoundTrip(req) // want `response body of d.tr.RoundTrip is not closed on every path, so the connection leaks at the return on line 233`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}
