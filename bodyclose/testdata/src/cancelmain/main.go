package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"time"
)

// A command. main's deferred cancel runs at exit: the connection is held until then
// (tailscale's checkmetrics getKB). Reported.
func getKB(ctx context.Context, url string) (string, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req) // want `response body of http.DefaultClient.Do is not closed on every path, so the connection leaks at the return on line 23`
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	return "", nil
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	kb, err := getKB(ctx, "http://localhost/kb")
	if err != nil {
		log.Print(err)
	}
	fmt.Println(kb)
	serve()
}

func serve() { select {} }
