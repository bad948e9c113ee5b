package helpers

import (
	"context"
	"net"
	"time"
)

// SetTimeout sets an absolute deadline on its parameter.
func SetTimeout(c net.Conn) { // want SetTimeout:"setsDeadline.#0."
	c.SetDeadline(time.Now().Add(5 * time.Second))
}

// Arm calls SetTimeout: two calls deep.
func Arm(d time.Duration, c net.Conn) { // want Arm:"setsDeadline.#1."
	SetTimeout(c)
}

// Dial returns a connection with a deadline.
func Dial(ctx context.Context, network, addr string) (net.Conn, error) { // want Dial:"returnsDeadline"
	conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	return conn, nil
}

// DialVia gets its connection from Dial.
func DialVia(ctx context.Context, network, addr string) (net.Conn, error) { // want DialVia:"returnsDeadline"
	return Dial(ctx, network, addr)
}

// DialClean clears its handshake deadline.
func DialClean(ctx context.Context, network, addr string) (net.Conn, error) {
	conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := conn.Write([]byte("hello")); err != nil {
		conn.Close()
		return nil, err
	}
	conn.SetDeadline(time.Time{})
	return conn, nil
}

// ClearTimeout clears: no fact.
func ClearTimeout(c net.Conn) {
	c.SetDeadline(time.Time{})
}

// DialLine is a raw TCP client for a line protocol: a fact, but never a hook here.
func DialLine(addr string) (net.Conn, error) { // want DialLine:"returnsDeadline"
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	c.SetReadDeadline(time.Now().Add(time.Second))
	return c, nil
}
