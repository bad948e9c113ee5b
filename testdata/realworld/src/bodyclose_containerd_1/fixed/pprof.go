// Package pprof is reduced from containerd/containerd's cmd/ctr/commands/pprof:
// ctr's pprof subcommands fetch profiles from containerd's debug socket
// through the helper httpGetRequest, which returns the response body to the
// command to copy out and close (urfave/cli's Context is a small local
// stand-in).
//
// https://github.com/containerd/containerd/pull/7107
//
// Bug: when the status was not 200, httpGetRequest returned an error and
// dropped the response without closing its Body, so the resource was never
// released; the fix closes the Body before returning the error.
package pprof

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"
)

// Context stands in for urfave/cli's *cli.Context.
type Context struct {
	debugSocket string
	seconds     time.Duration
}

func (c *Context) GlobalString(name string) string { return c.debugSocket }

func (c *Context) Duration(name string) time.Duration { return c.seconds }

type pprofDialer struct {
	proto string
	addr  string
}

func (d *pprofDialer) pprofDial(proto, addr string) (conn net.Conn, err error) {
	return net.Dial(d.proto, d.addr)
}

func getPProfDialer(addr string) *pprofDialer {
	return &pprofDialer{"unix", addr}
}

func pprofGoroutines(context *Context) error {
	client := getPProfClient(context)

	output, err := httpGetRequest(client, "/debug/pprof/goroutine?debug=2")
	if err != nil {
		return err
	}
	defer output.Close()
	_, err = io.Copy(os.Stdout, output)
	return err
}

func pprofProfile(context *Context) error {
	client := getPProfClient(context)

	seconds := context.Duration("seconds").Seconds()
	output, err := httpGetRequest(client, fmt.Sprintf("/debug/pprof/profile?seconds=%v", seconds))
	if err != nil {
		return err
	}
	defer output.Close()
	_, err = io.Copy(os.Stdout, output)
	return err
}

func getPProfClient(context *Context) *http.Client {
	dialer := getPProfDialer(context.GlobalString("debug-socket"))

	tr := &http.Transport{
		Dial: dialer.pprofDial,
	}
	client := &http.Client{Transport: tr}
	return client
}

func httpGetRequest(client *http.Client, request string) (io.ReadCloser, error) {
	resp, err := client.Get("http://." + request)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		resp.Body.Close()
		return nil, fmt.Errorf("http get failed with status: %s", resp.Status)
	}
	return resp.Body, nil
}
