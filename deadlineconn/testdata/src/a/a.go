package a

import (
	"context"
	"crypto/tls"
	"helpers"
	"net"
	"net/http"
	"time"
)

var dialer = &net.Dialer{Timeout: 5 * time.Second}

func literal() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			conn.SetDeadline(time.Now().Add(30 * time.Second)) // want `SetDeadline sets an absolute deadline on a connection returned by an http.Transport dial hook: the deadline stays on the pooled connection and reused connections fail with i/o timeout; use http.Client.Timeout`
			return conn, nil
		},
	}
}

func assigned() {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Dial = func(network, addr string) (net.Conn, error) {
		c, err := net.Dial(network, addr)
		if err != nil {
			return nil, err
		}
		if err := c.SetReadDeadline(time.Now().Add(time.Minute)); err != nil { // want `SetReadDeadline sets an absolute deadline`
			c.Close()
			return nil, err
		}
		return c, nil
	}
	_ = tr
}

func typeElided() []*http.Transport {
	return []*http.Transport{{
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			raw, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			raw.SetWriteDeadline(time.Now().Add(time.Second)) // want `SetWriteDeadline sets an absolute deadline`
			return tls.Client(raw, &tls.Config{}), nil
		},
	}}
}

func tlsConn() http.Transport {
	return http.Transport{
		DialTLS: func(network, addr string) (net.Conn, error) {
			c, err := tls.Dial(network, addr, nil)
			if err != nil {
				return nil, err
			}
			c.SetDeadline(time.Now().Add(time.Second)) // want `SetDeadline sets an absolute deadline`
			return c, nil
		},
	}
}

// Named hook in this package: reported at the call.
func dialNamed(ctx context.Context, network, addr string) (net.Conn, error) { // want dialNamed:"returnsDeadline"
	conn, err := dialer.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	_ = conn.SetDeadline(time.Now().Add(time.Second)) // want `SetDeadline sets an absolute deadline`
	return conn, nil
}

var _ = &http.Transport{DialContext: dialNamed}

// Only one of the paths clears the deadline.
func someClear(tr *http.Transport, ok bool) {
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		conn.SetDeadline(time.Now().Add(time.Second)) // want `SetDeadline sets an absolute deadline`
		if ok {
			conn.SetDeadline(time.Time{})
		}
		return conn, nil
	}
}

// Read cleared but write deadline remains.
func halfClear(tr *http.Transport) {
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		conn.SetDeadline(time.Now().Add(time.Second)) // want `SetDeadline sets an absolute deadline`
		conn.SetReadDeadline(time.Time{})
		return conn, nil
	}
}

// Helpers from another package (facts).
func viaHelper(tr *http.Transport) {
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		helpers.Arm(time.Second, conn) // want `Arm sets an absolute deadline`
		return conn, nil
	}
}

func localHelper(c net.Conn) { // want localHelper:"setsDeadline.#0."
	helpers.SetTimeout(c)
}

func viaLocalHelper(tr *http.Transport) {
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		localHelper(conn) // want `localHelper sets an absolute deadline`
		return conn, nil
	}
}

var _ = &http.Transport{
	DialContext: helpers.Dial, // want `helpers.Dial sets an absolute deadline`
}

func factHook(tr *http.Transport) {
	tr.DialContext = helpers.DialVia // want `helpers.DialVia sets an absolute deadline`
}

func returnsFromFact(tr *http.Transport) {
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		return helpers.Dial(ctx, network, addr) // want `Dial sets an absolute deadline`
	}
}

// net.Dialer.Deadline.
func dialerDeadline() *http.Transport {
	d := &net.Dialer{
		Deadline: time.Now().Add(time.Minute), // want `net.Dialer.Deadline is absolute: computed once`
	}
	return &http.Transport{DialContext: d.DialContext}
}

func dialerDeadlineAssigned() *http.Transport {
	var d net.Dialer
	d.Deadline = time.Now().Add(time.Minute) // want `net.Dialer.Deadline is absolute: computed once`
	return &http.Transport{Dial: d.Dial}
}

// A Dialer with a Deadline that is never a Transport hook.
func dialerNoHook() (net.Conn, error) {
	var d net.Dialer
	d.Deadline = time.Now().Add(time.Minute)
	return d.Dial("tcp", "x:1")
}

// ---- negatives ----

func cleared() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			conn.SetDeadline(time.Now().Add(10 * time.Second))
			tc := tls.Client(conn, &tls.Config{})
			if err := tc.HandshakeContext(ctx); err != nil {
				conn.Close()
				return nil, err
			}
			conn.SetDeadline(time.Time{})
			return tc, nil
		},
	}
}

func deferredClear() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			conn.SetDeadline(time.Now().Add(10 * time.Second))
			defer conn.SetDeadline(time.Time{})
			return conn, nil
		},
	}
}

func deferredLitClear() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			conn.SetDeadline(time.Now().Add(10 * time.Second))
			defer func() { conn.SetDeadline(time.Time{}) }()
			return conn, nil
		},
	}
}

// A method of this package as the hook, clearing on every path.
type proxyDialer struct{ d net.Dialer }

func (p *proxyDialer) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	conn, err := p.d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := conn.Write([]byte("CONNECT")); err != nil {
		conn.Close()
		return nil, err
	}
	if err := conn.SetDeadline(time.Time{}); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

func methodHook(p *proxyDialer) *http.Transport { return &http.Transport{DialContext: p.dial} }

// A method hook that does not clear.
type badDialer struct{ d net.Dialer }

func (b badDialer) dial(ctx context.Context, network, addr string) (net.Conn, error) { // want dial:"returnsDeadline"
	conn, err := b.d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	conn.(*net.TCPConn).SetKeepAlive(true)
	tcp := conn.(*net.TCPConn)
	tcp.SetDeadline(time.Now().Add(time.Second)) // want `SetDeadline sets an absolute deadline`
	return tcp, nil
}

func badMethodHook(b badDialer) *http.Transport { return &http.Transport{DialContext: b.dial} }

func readWriteCleared() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			conn.SetDeadline(time.Now().Add(10 * time.Second))
			conn.SetReadDeadline(time.Time{})
			conn.SetWriteDeadline(time.Time{})
			return conn, nil
		},
	}
}

// Errors paths only: the deadline is on a conn that is closed.
func errorPathOnly() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			if addr == "" {
				conn.SetDeadline(time.Now())
				conn.Close()
				return nil, err
			}
			return conn, nil
		},
	}
}

// idleConn re-arms a relative deadline on every Read and Write.
type idleConn struct {
	net.Conn
	idle time.Duration
}

func (c *idleConn) Read(p []byte) (int, error) {
	c.Conn.SetReadDeadline(time.Now().Add(c.idle))
	return c.Conn.Read(p)
}

func (c *idleConn) Write(p []byte) (int, error) {
	c.Conn.SetWriteDeadline(time.Now().Add(c.idle))
	return c.Conn.Write(p)
}

func wrapper() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &idleConn{Conn: conn, idle: time.Minute}, nil
		},
	}
}

// rclone's shape: an idle-timeout wrapper armed at dial time.
type timeoutConn struct {
	net.Conn
	timeout time.Duration
}

func (c *timeoutConn) nudge() error { return c.SetDeadline(time.Now().Add(c.timeout)) }

func (c *timeoutConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	if err == nil {
		err = c.nudge()
	}
	return n, err
}

func wrapperArmed() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			t := &timeoutConn{Conn: conn, timeout: time.Minute}
			t.SetDeadline(time.Now().Add(time.Minute))
			return t, nil
		},
	}
}

// A wrapper that does not move the deadline: still reported.
type countingConn struct {
	net.Conn
	n int
}

func (c *countingConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.n += n
	return n, err
}

func wrapperCounting() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			conn.SetDeadline(time.Now().Add(time.Minute)) // want `SetDeadline sets an absolute deadline`
			return &countingConn{Conn: conn}, nil
		},
	}
}

// Not a hook: a raw TCP client for a line protocol.
func lineClient(addr string) (net.Conn, error) { // want lineClient:"returnsDeadline"
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c.SetDeadline(time.Now().Add(time.Second))
	return c, nil
}

func useLine() { _, _ = helpers.DialLine("x:1"); _, _ = lineClient("x:1") }

// Server-side connections.
func server(ln net.Listener, w http.ResponseWriter) {
	c, _ := ln.Accept()
	c.SetDeadline(time.Now().Add(time.Second))
	hc, _, _ := w.(http.Hijacker).Hijack()
	hc.SetDeadline(time.Now().Add(time.Second))
}

// DisableKeepAlives: each connection serves one request.
func noKeepAlives() *http.Transport {
	return &http.Transport{
		DisableKeepAlives: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			conn.SetDeadline(time.Now().Add(time.Second))
			return conn, nil
		},
	}
}

func noKeepAlivesAssigned() *http.Transport {
	tr := &http.Transport{}
	tr.DisableKeepAlives = true
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		conn.SetDeadline(time.Now().Add(time.Second))
		return conn, nil
	}
	return tr
}

// The right tools.
func rightTools(ctx context.Context) *http.Client {
	tr := &http.Transport{
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
		ResponseHeaderTimeout: 10 * time.Second,
	}
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	_ = ctx
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

// A probe connection closed before return.
func probe() *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			p, err := net.Dial(network, addr)
			if err == nil {
				p.SetDeadline(time.Now().Add(time.Second))
				p.Close()
			}
			return dialer.DialContext(ctx, network, addr)
		},
	}
}

// Cleared helper and cleared dial from another package.
func clearedHelpers(tr *http.Transport) {
	tr.DialContext = helpers.DialClean
	tr.Dial = func(network, addr string) (net.Conn, error) {
		c, err := net.Dial(network, addr)
		if err != nil {
			return nil, err
		}
		helpers.ClearTimeout(c)
		return c, nil
	}
}

// A deadline that is not computed from time.Now may be zero: silent.
func unknownDeadline(tr *http.Transport, dl time.Time) {
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		conn.SetDeadline(dl)
		return conn, nil
	}
}

// A factory: reported where its dial func becomes a hook.
func makeDialer() func(ctx context.Context, network, addr string) (net.Conn, error) { // want makeDialer:`returnsDialer\(SetDeadline at a.go:481\)`
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		conn.SetDeadline(time.Now().Add(time.Second))
		return conn, nil
	}
}

var _ = &http.Transport{DialContext: makeDialer()} // want `the dial func returned by makeDialer through SetDeadline at a.go:481 sets an absolute deadline`

//httpvet:ignore deadlineconn handshake budget is per connection by design
var _ = &http.Transport{DialContext: helpers.Dial}
