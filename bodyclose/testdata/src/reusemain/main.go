// A command: each subcommand runs once per process, so a GET helper
// called from three of them does not repeat (tailscale's gitops-pusher).
package main

import (
	"context"
	"net/http"
	"os"
)

func getETag(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("ETag"), nil
}

func apply(ctx context.Context) error { _, err := getETag(ctx, os.Args[1]); return err }
func test(ctx context.Context) error  { _, err := getETag(ctx, os.Args[1]); return err }
func tags(ctx context.Context) error  { _, err := getETag(ctx, os.Args[1]); return err }

// In a loop, even a command repeats it: reported.
func watch(ctx context.Context, url string) {
	for {
		resp, err := http.Get(url)
		if err != nil {
			return
		}
		resp.Body.Close() // want `closed unread before the loop sends the request again`
	}
}

func main() {
	ctx := context.Background()
	_ = apply(ctx)
	_ = test(ctx)
	_ = tags(ctx)
	watch(ctx, os.Args[1])
}
