// Package flagsoff has one finding of each kind, all turned off by flags.
package flagsoff

import (
	"net"
	"net/http"
)

func all(h http.Handler) {
	req, _ := http.NewRequest("GET", "http://example.com", nil)
	srv := &http.Server{Handler: h}
	go srv.ListenAndServe()
	c := &http.Client{}
	c.Do(req)
	http.DefaultClient.Do(req)
	http.Get("http://example.com")
	_ = &http.Client{Transport: &http.Transport{DialContext: (&net.Dialer{KeepAlive: -1}).DialContext}}
	// A Transport with its own dialer is not reported for its timeouts:
	// this one is.
	_ = &http.Client{Transport: &http.Transport{}}
	http.ListenAndServe(":80", h)
}
