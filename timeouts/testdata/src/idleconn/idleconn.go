package idleconn

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

func bare() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `http.Transport literal without TLSHandshakeTimeout, IdleConnTimeout, DialContext: it loses http.DefaultTransport.s 10s TLS handshake timeout, 90s idle connection timeout, 30s dial timeout \(zero means none\); start from http.DefaultTransport.\(\*http.Transport\).Clone\(\) or set them`
}

func partial() *http.Client {
	tr := &http.Transport{ // want `http.Transport literal without IdleConnTimeout: it loses http.DefaultTransport.s 90s idle connection timeout, so idle connections in its pool stay open until the server closes them \(a Client Timeout bounds requests, not idle connections\)`
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout: 5 * time.Second,
	}
	return &http.Client{Timeout: time.Minute, Transport: tr}
}

func complete() *http.Client {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		TLSHandshakeTimeout: 5 * time.Second,
		IdleConnTimeout:     time.Minute,
	}
	return &http.Client{Timeout: time.Minute, Transport: tr}
}

func noKeepAlives() *http.Client {
	// Without keep-alives there are no idle connections to time out.
	tr := &http.Transport{
		Dial:                (&net.Dialer{Timeout: 5 * time.Second}).Dial,
		TLSHandshakeTimeout: 5 * time.Second,
		DisableKeepAlives:   true,
	}
	c := &http.Client{Timeout: time.Minute}
	c.Transport = tr
	return c
}

func setLater() *http.Client {
	tr := &http.Transport{}
	tr.TLSHandshakeTimeout = 5 * time.Second
	tr.IdleConnTimeout = time.Minute
	tr.DialContext = (&net.Dialer{Timeout: 5 * time.Second}).DialContext
	return &http.Client{Timeout: time.Minute, Transport: tr}
}

func clone() *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{}
	return &http.Client{Timeout: time.Minute, Transport: tr}
}

func returned() *http.Transport {
	return &http.Transport{}
}

func escapes(configure func(*http.Transport)) *http.Client {
	tr := &http.Transport{}
	configure(tr)
	return &http.Client{Timeout: time.Minute, Transport: tr}
}

type wrapper struct{ base http.RoundTripper }

func otherField() http.RoundTripper {
	// Stored where the analyzer cannot see what happens next.
	return &wrapper{base: &http.Transport{}}
}

func keepAliveOff() *http.Client {
	tr := &http.Transport{
		DialContext: (&net.Dialer{
			Timeout:   5 * time.Second,
			KeepAlive: -1, // want `net.Dialer with a negative KeepAlive used by an http.Transport: TCP keep-alive probes are off on pooled connections, so a dead peer goes unnoticed; use 0 \(probes every 15s\) or a positive period`
		}).DialContext,
		TLSHandshakeTimeout: 5 * time.Second,
		IdleConnTimeout:     time.Minute,
	}
	return &http.Client{Timeout: time.Minute, Transport: tr}
}

func keepAliveDefault() *http.Client {
	tr := &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 0}).DialContext,
		TLSHandshakeTimeout: 5 * time.Second,
		IdleConnTimeout:     time.Minute,
	}
	return &http.Client{Timeout: time.Minute, Transport: tr}
}

func dialerNotForTransport() (net.Conn, error) {
	d := &net.Dialer{KeepAlive: -1}
	return d.Dial("tcp", "example.com:80")
}

func tlsHook(dial func(ctx context.Context, network, addr string) (net.Conn, error)) *http.Client {
	// A TLS dial hook does its own handshake and dialing.
	tr := &http.Transport{DialTLSContext: dial, IdleConnTimeout: time.Minute}
	tr2 := &http.Transport{IdleConnTimeout: time.Minute}
	tr2.DialTLSContext = dial
	_ = &http.Client{Transport: tr2}
	return &http.Client{Transport: tr}
}

func ownedConnections(dial func(ctx context.Context, network, addr string) (net.Conn, error)) (*http.Client, *http.Client) {
	// A TLS dial hook with MaxConnsPerHost: the program owns a bounded set
	// of long-lived connections (tailscale's ts2021 control client) and
	// keeps them idle on purpose.
	tr := &http.Transport{MaxConnsPerHost: 1}
	tr.DialTLSContext = dial
	// Without the bound, idle connections pile up.
	tr2 := &http.Transport{DialTLSContext: dial} // want `http.Transport literal without IdleConnTimeout:`
	return &http.Client{Transport: tr}, &http.Client{Transport: tr2}
}

func boundedByClient() (*http.Client, *http.Client) {
	// Client.Timeout bounds the dial and the handshake; idle connections
	// still need IdleConnTimeout.
	tr := &http.Transport{DisableKeepAlives: true}
	c1 := &http.Client{Transport: tr, Timeout: time.Minute}
	c2 := &http.Client{Timeout: time.Minute, Transport: &http.Transport{}} // want `http.Transport literal without IdleConnTimeout:`
	return c1, c2
}

func plainHTTPMetadata() *http.Client {
	// Dialer and idle connections handled: TLS may not be in play.
	tr := &http.Transport{
		DisableKeepAlives: true,
		Dial:              (&net.Dialer{Timeout: 2 * time.Second}).Dial,
	}
	return &http.Client{Transport: tr}
}

// inMemory mirrors httputil.DumpRequestOut: a Transport for one function
// that dials an in-memory connection and closes its idle connections
// itself. Its dialer is set and idle connections are handled.
func inMemory(c net.Conn, req *http.Request) error {
	t := &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) { return c, nil },
	}
	defer t.CloseIdleConnections()
	_, err := t.RoundTrip(req)
	return err
}

// Closing idle connections does not stand for a dial timeout.
func closedButNoDialer(req *http.Request) error {
	t := &http.Transport{} // want `http.Transport literal without TLSHandshakeTimeout, DialContext:`
	defer t.CloseIdleConnections()
	_, err := t.RoundTrip(req)
	return err
}

// A Client without Timeout is reported for the dial and handshake its
// Transport lacks; the Transport only for what Timeout does not cover.
func untimed(u string) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `http.Client without Timeout, and its http.Transport literal has no dial or TLS handshake timeout` `http.Transport literal without IdleConnTimeout: it loses http.DefaultTransport.s 90s idle connection timeout, so idle connections`
	c.Get(u)
}
