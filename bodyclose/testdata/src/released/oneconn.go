// Package released holds leak shapes where the connection does not
// outlive the function, or was released already, and the advice for
// functions that hand the response on.
package released

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// A Transport built around one connection the function dialled itself
// and closes (tailscale's stunstamp measureHTTPSRTT): the non-2xx return
// leaves the body open, but the connection is the function's own.
func measureRTT(tcpConn net.Conn, url string) (time.Duration, error) {
	defer tcpConn.Close()
	tlsConn := tls.Client(tcpConn, &tls.Config{})
	connCh := make(chan net.Conn, 1)
	connCh <- tlsConn
	client := &http.Client{}
	tr := &http.Transport{
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			select {
			case c := <-connCh:
				return c, nil
			default:
				return nil, errors.New("second dial")
			}
		},
	}
	client.Transport = tr
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode/100 != 2 {
		return 0, fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, 8<<10))
	return time.Since(start), err
}

type memConn struct {
	net.Conn
	r io.Reader
	w io.Writer
}

// An in-memory conn answered by the function (net/http/httputil's
// DumpRequestOut): the response is discarded, nothing is pooled.
func dumpOut(req *http.Request) ([]byte, error) {
	var buf bytes.Buffer
	t := &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) {
			return &memConn{r: strings.NewReader("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"), w: &buf}, nil
		},
	}
	defer t.CloseIdleConnections()
	_, err := t.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// A dial hook that dials: a real connection, pooled. Reported.
func dialer(url string) error {
	t := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return net.Dial("unix", "/run/admin.sock")
		},
	}
	c := &http.Client{Transport: t}
	_, err := c.Get(url) // want `response of c.Get is discarded without closing its body, so the connection leaks`
	return err
}
