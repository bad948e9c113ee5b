package reach

import (
	"context"
	"net"
	"net/http"
)

// A client whose Transport dials only a unix socket: its peer is a local
// process (tailscale tstest/mts).
func unixClient(sock string) *http.Client {
	return &http.Client{
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				return net.Dial("unix", sock)
			},
		},
	}
}

func useUnix(sock string) error {
	resp, err := unixClient(sock).Get("http://local/status")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func unixDialer(sock string) error {
	c := &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", sock)
		},
	}}
	resp, err := c.Get("http://local/")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Still reported: a dialer that may dial TCP (caddy's admin client dials
// the network of its address).
func anyNetwork(network, addr string) error {
	c := &http.Client{Transport: &http.Transport{ // want `http.Client without Timeout`
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			return net.Dial(network, addr)
		},
	}}
	resp, err := c.Get("http://admin/")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A field of function type, called through a selector: not a crash.
type hooks struct {
	dial func(network, addr string) (net.Conn, error)
}

func (h *hooks) use() { _, _ = h.dial("tcp", "x") }
