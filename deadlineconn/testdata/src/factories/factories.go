// Package factories builds dial funcs the way SDKs package them.
package factories

import (
	"context"
	"crypto/tls"
	"net"
	"time"
)

// TimeoutDialer returns a dial func that arms an absolute deadline: the
// most common shape of the bug.
func TimeoutDialer(connect, rw time.Duration) func(network, addr string) (net.Conn, error) { // want TimeoutDialer:`returnsDialer\(SetDeadline at factories.go:19\)`
	return func(network, addr string) (net.Conn, error) {
		conn, err := net.DialTimeout(network, addr, connect)
		if err != nil {
			return nil, err
		}
		conn.SetDeadline(time.Now().Add(rw))
		return conn, nil
	}
}

// Arm sets the deadline and returns the connection.
func Arm(c net.Conn, d time.Duration) net.Conn { // want Arm:`setsDeadline\(#0\) and returns it`
	c.SetDeadline(time.Now().Add(d))
	return c
}

// ContextDialer keeps its closure in a variable and arms through Arm.
func ContextDialer(d *net.Dialer, rw time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) { // want ContextDialer:`returnsDialer\(Arm at factories.go:37\)`
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return Arm(conn, rw), nil
	}
	return dial
}

// Default is a factory of a factory.
func Default() func(network, addr string) (net.Conn, error) { // want Default:`returnsDialer\(SetDeadline at factories.go:19\)`
	return TimeoutDialer(5*time.Second, 30*time.Second)
}

// dialArmed is a named dial func with a deadline.
func dialArmed(ctx context.Context, network, addr string) (net.Conn, error) { // want dialArmed:"returnsDeadline"
	conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	return conn, nil
}

// Named returns a named dial func.
func Named() func(ctx context.Context, network, addr string) (net.Conn, error) { // want Named:`returnsDialer\(SetReadDeadline at factories.go:53\)`
	return dialArmed
}

// ---- negatives ----

// HandshakeDialer arms the deadline only around the TLS handshake.
func HandshakeDialer(cfg *tls.Config, hs time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		conn.SetDeadline(time.Now().Add(hs))
		tc := tls.Client(conn, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			conn.Close()
			return nil, err
		}
		conn.SetDeadline(time.Time{})
		return tc, nil
	}
}

// ClearingDialer clears the deadline before returning.
func ClearingDialer(rw time.Duration) func(network, addr string) (net.Conn, error) {
	return func(network, addr string) (net.Conn, error) {
		conn, err := net.Dial(network, addr)
		if err != nil {
			return nil, err
		}
		conn.SetDeadline(time.Now().Add(rw))
		defer conn.SetDeadline(time.Time{})
		if _, err := conn.Write([]byte("PROXY TCP4\r\n")); err != nil {
			conn.Close()
			return nil, err
		}
		return conn, nil
	}
}

// PlainDialer returns a dialer's method value: no deadline.
func PlainDialer(timeout time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return (&net.Dialer{Timeout: timeout}).DialContext
}

// Probe sets a deadline on a connection it then closes.
func Probe(c net.Conn) error {
	c.SetDeadline(time.Now().Add(time.Second))
	_, err := c.Write([]byte("ping"))
	c.Close()
	return err
}

// ProbeDeferred closes in a defer.
func ProbeDeferred(c net.Conn) error {
	defer c.Close()
	c.SetDeadline(time.Now().Add(time.Second))
	_, err := c.Write([]byte("ping"))
	return err
}

// ArmOrClose closes the connection when arming fails, and returns it armed
// otherwise: still a helper that arms and returns.
func ArmOrClose(c net.Conn) (net.Conn, error) { // want ArmOrClose:`setsDeadline\(#0\) and returns it`
	if err := c.SetDeadline(time.Now().Add(time.Second)); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}
