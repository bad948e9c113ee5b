// Command-line commands: the code that runs a command is out of view and
// decides what its error does (a command line prints it and exits).
package clicmd

import (
	"context"
	"errors"
	"net/http"

	"github.com/peterbourgon/ff/v3/ffcli"
	"github.com/spf13/cobra"
)

var debugCmd = &ffcli.Command{
	Name: "ts2021",
	Exec: runTS2021,
}

// Its leaking paths return errors: not reported.
func runTS2021(ctx context.Context, args []string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", args[0], nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		return err
	}
	if res.StatusCode != 200 {
		return errors.New(res.Status)
	}
	return res.Body.Close()
}

var rootCmd = &cobra.Command{
	Use: "fetch",
	RunE: func(cmd *cobra.Command, args []string) error {
		resp, err := http.Get(args[0])
		if err != nil {
			return err
		}
		if resp.StatusCode != 200 {
			return errors.New(resp.Status)
		}
		resp.Body.Close()
		return fetchMore(args[1])
	},
}

// A helper the command calls is not the command: its callers are not
// known to exit. Reported.
func fetchMore(url string) error {
	resp, err := http.Get(url) // want `response body of http.Get is not closed on every path, so the connection leaks at the return on line 58`
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// A table of the package's own: its entries are handed on as values, and
// what runs them is out of view, as with a library's. Not reported.
type entry struct {
	name string
	run  func(url string) error
}

var entries = []entry{
	{"status", status},
	{"ping", func(url string) error {
		resp, err := http.Get(url)
		if err != nil {
			return err
		}
		if resp.StatusCode != 200 {
			return errors.New(resp.Status)
		}
		return resp.Body.Close()
	}},
}

func status(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	if resp.StatusCode != 200 {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// retry runs op again after each error.
func retry(op func() error) error {
	var err error
	for range 3 {
		if err = op(); err == nil {
			return nil
		}
	}
	return err
}

// A literal handed to a helper that runs it again after each error: the
// leak repeats. Reported.
func Fetch(url string) error {
	return retry(func() error {
		resp, err := http.Get(url) // want `response body of http.Get is not closed on every path, so the connection leaks at the return on line 115`
		if err != nil {
			return err
		}
		if resp.StatusCode != 200 {
			return errors.New(resp.Status)
		}
		return resp.Body.Close()
	})
}

// A literal made for each request served, handed on: its errors do not
// end the server. Reported.
func Serve(w http.ResponseWriter, r *http.Request) {
	run(func() error {
		resp, err := http.Get("http://upstream" + r.URL.Path) // want `response body of http.Get is not closed on every path, so the connection leaks at the return on line 130`
		if err != nil {
			return err
		}
		if resp.StatusCode != 200 {
			return errors.New(resp.Status)
		}
		return resp.Body.Close()
	})
}

func run(f func() error) { _ = f() }
