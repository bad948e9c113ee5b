// Package reuse holds drain shapes where closing unread loses no
// connection reuse, or where the lost reuse does not repeat.
package reuse

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"golang.org/x/net/http2"
)

// HTTP/2 only, through Protocols: an unread Close resets one stream, the
// connection stays pooled.
func h2Poll(url string) {
	tr := &http.Transport{Protocols: new(http.Protocols)}
	tr.Protocols.SetUnencryptedHTTP2(true)
	c := &http.Client{Transport: tr}
	for {
		resp, err := c.Get(url)
		if err != nil {
			return
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return
		}
	}
}

// HTTP/2 only through a Protocols variable.
func h2Var(url string) {
	var p http.Protocols
	p.SetHTTP2(true)
	c := &http.Client{Transport: &http.Transport{Protocols: &p}}
	for {
		resp, err := c.Get(url)
		if err != nil {
			return
		}
		resp.Body.Close()
		time.Sleep(time.Second)
	}
}

// golang.org/x/net/http2's Transport speaks nothing but HTTP/2.
func xnetH2(url string) {
	c := &http.Client{Transport: &http2.Transport{}}
	for {
		resp, err := c.Get(url)
		if err != nil {
			return
		}
		resp.Body.Close()
		time.Sleep(time.Second)
	}
}

// HTTP/1 allowed too: the poll loses the connection each time.
func h1AndH2(url string) {
	var p http.Protocols
	p.SetHTTP1(true)
	p.SetHTTP2(true)
	c := &http.Client{Transport: &http.Transport{Protocols: &p}}
	for {
		resp, err := c.Get(url)
		if err != nil {
			return
		}
		resp.Body.Close() // want `closed unread before the loop sends the request again`
		time.Sleep(time.Second)
	}
}

// A typed client that embeds *http.Client, built HTTP/2-only on every
// call (tailscale's ts2021 noise client).
type noiseClient struct {
	*http.Client
	host string
}

func newNoiseClient(host string) (*noiseClient, error) { // want newNoiseClient:"freshTransport\\(noReuse\\)"
	if host == "" {
		return nil, fmt.Errorf("no host")
	}
	nc := &noiseClient{host: host}
	tr := &http.Transport{
		Protocols:       new(http.Protocols),
		MaxConnsPerHost: 1,
	}
	tr.Protocols.SetUnencryptedHTTP2(true)
	nc.Client = &http.Client{Transport: tr}
	return nc, nil
}

func tryConnect(ctx context.Context, host string) error {
	nc, err := newNoiseClient(host)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "GET", "https://"+host+"/whoami", nil)
	if err != nil {
		return err
	}
	resp, err := nc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return nil
	}
	_, err = io.ReadAll(resp.Body)
	return err
}

func connectTwice(ctx context.Context, host string) {
	for range 2 {
		if tryConnect(ctx, host) == nil {
			return
		}
	}
}
