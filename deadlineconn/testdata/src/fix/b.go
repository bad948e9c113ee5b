package fix

import (
	"context"
	"net"
	"net/http"
	"time"
)

var dialer = &net.Dialer{Timeout: 5 * time.Second}

func hooks(tr *http.Transport) {
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		if err := conn.SetReadDeadline(time.Now().Add(time.Minute)); err != nil { // want `SetReadDeadline sets an absolute deadline`
			conn.Close()
			return nil, err
		}
		_ = conn.SetWriteDeadline(time.Now().Add(time.Minute)) // want `SetWriteDeadline sets an absolute deadline`
		return conn, nil
	}
	tr.Dial = func(network, addr string) (net.Conn, error) {
		c, err := net.Dial(network, addr)
		if err != nil {
			return nil, err
		}
		if err := c.SetDeadline(time.Now().Add(time.Second)); err != nil && addr != "" { // want `SetDeadline sets an absolute deadline`
			return nil, err
		}
		return c, nil
	}
}
