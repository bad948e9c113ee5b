// Command-line commands: the command line prints a command's error and
// exits (tailscale's `debug ts2021`).
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
