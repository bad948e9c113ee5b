package main

import (
	"io"
	"net/http"
)

// timeoutsDemoServe starts the demo's status server the way the net/http
// examples do: without timeouts, a client that sends its headers one byte
// a minute holds a connection and a goroutine forever.
func timeoutsDemoServe(addr string) {
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok\n") })
	srv := &http.Server{Addr: addr, Handler: mux}
	go srv.ListenAndServe()
}

// timeoutsDemoFetch fetches a URL with a client that has a custom
// Transport but no Timeout: a stuck server blocks it forever.
func timeoutsDemoFetch(url string) (int, error) {
	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}
	resp, err := client.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode, err
}
