package transport

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"time"
)

func bare() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `http.Transport literal without TLSHandshakeTimeout, DialContext: it loses http.DefaultTransport.s 10s TLS handshake timeout, 30s dial timeout \(zero means none\); start from http.DefaultTransport.\(\*http.Transport\).Clone\(\) or set them`
}

func partial() *http.Client {
	// Dial and handshake bounded: a request cannot wait forever, only
	// IdleConnTimeout is missing (-timeouts.idle-conn).
	tr := &http.Transport{
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
	tr2 := &http.Transport{DialTLSContext: dial} // only with -timeouts.idle-conn
	return &http.Client{Transport: tr}, &http.Client{Transport: tr2}
}

func boundedByClient() (*http.Client, *http.Client) {
	// Client.Timeout bounds the dial and the handshake; idle connections
	// still need IdleConnTimeout.
	tr := &http.Transport{DisableKeepAlives: true}
	c1 := &http.Client{Transport: tr, Timeout: time.Minute}
	c2 := &http.Client{Timeout: time.Minute, Transport: &http.Transport{}} // only with -timeouts.idle-conn
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

func dialerOnly() *http.Client {
	// Its own dialer: configured on purpose for its endpoints (caddy's
	// admin client dials a unix socket over plain HTTP), not reported for
	// TLSHandshakeTimeout alone.
	tr := &http.Transport{DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext}
	return &http.Client{Transport: tr}
}

// Its own dialer and a TLS configuration: it makes TLS handshakes, which
// the dialer's timeout does not bound.
func dialerAndTLS(conf *tls.Config, req *http.Request) (*http.Response, error) {
	tr := &http.Transport{ // want `http.Transport literal without TLSHandshakeTimeout: it loses http.DefaultTransport.s 10s TLS handshake timeout \(zero means none\)`
		TLSClientConfig: conf,
		DialContext:     (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
	}
	return tr.RoundTrip(req)
}

// A Client with a Timeout in view, its Transport assigned later (caddy's
// HTTPLoader).
func timeoutInView(d time.Duration) *http.Client {
	client := &http.Client{Timeout: d}
	client.Transport = &http.Transport{TLSClientConfig: &tls.Config{}}
	return client
}

func timeoutAssigned() *http.Client {
	client := &http.Client{}
	client.Timeout = time.Minute
	tr := &http.Transport{TLSClientConfig: &tls.Config{}}
	client.Transport = tr
	return client
}

func noTimeoutInView() *http.Client {
	client := &http.Client{}
	client.Transport = &http.Transport{TLSClientConfig: &tls.Config{}} // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
	return client
}

func dialerOnlyBounded() *http.Client {
	tr := &http.Transport{DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext}
	return &http.Client{Transport: tr, Timeout: time.Minute}
}

// One finding per defect: a Client without Timeout that sends, whose
// Transport literal has no dial or TLS handshake timeout, is reported once,
// on the Client; its one fix, Timeout, bounds the whole exchange, dial and
// handshake included.
func untimedClient(u string) {
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `http.Client without Timeout, and its http.Transport literal has no dial or TLS handshake timeout: its requests can wait forever on a slow or stuck server; set Timeout, which bounds the dial and the handshake too`
	c.Get(u)
}

func untimedClientVar(u string) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{}}
	c := &http.Client{Transport: tr} // want `http.Client without Timeout, and its http.Transport literal has no dial or TLS handshake timeout`
	c.Get(u)
}

func untimedClientAssigned(u string) {
	c := &http.Client{} // want `http.Client without Timeout: its requests can wait forever`
	c.Transport = &http.Transport{TLSClientConfig: &tls.Config{}}
	c.Get(u)
}

// The Client literal is not reported (nothing sends through it here): the
// Transport keeps its own finding.
func untimedClientUnused() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}} // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
}

// The Client's finding silenced: the Transport is reported on its own.
func untimedClientSilenced(u string) {
	//httpvet:ignore timeouts a streaming client, bounded by its caller
	c := &http.Client{}
	c.Transport = &http.Transport{TLSClientConfig: &tls.Config{}} // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
	c.Get(u)
}

// A Timeout the Client gets after its literal, or through the field the
// package stores it in, bounds the dial and handshake too.
func timeoutAfterLiteral(u string) {
	c := http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}}
	c.Timeout = time.Minute
	c.Get(u)
}

type api struct{ hc *http.Client }

func newAPI() *api {
	a := &api{hc: &http.Client{Timeout: time.Minute}}
	a.hc.Transport = &http.Transport{TLSClientConfig: &tls.Config{}}
	return a
}

func (a *api) get(u string) { a.hc.Get(u) }
