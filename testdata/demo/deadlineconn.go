package main

import (
	"context"
	"net"
	"net/http"
	"time"
)

// deadlineconnClient bounds each request "at the connection": the deadline
// is absolute and stays on the pooled connection, so requests reusing it
// after three seconds fail with i/o timeout.
func deadlineconnClient() *http.Client {
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	return &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			conn.SetDeadline(time.Now().Add(3 * time.Second))
			return conn, nil
		},
	}}
}

// deadlineconnDialer computes its Deadline once: every dial after that
// instant fails.
func deadlineconnDialer() *http.Transport {
	d := &net.Dialer{Deadline: time.Now().Add(30 * time.Second)}
	return &http.Transport{DialContext: d.DialContext}
}
