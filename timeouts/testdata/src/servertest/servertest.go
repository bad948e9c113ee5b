// Package servertest is test support, named by Go's convention for such
// packages (net/http/httptest, testing/fstest): its servers and
// transports serve tests on the loopback, not production traffic.
package servertest

import "net/http"

func Start(h http.Handler) *http.Client {
	srv := &http.Server{Addr: "127.0.0.1:0", Handler: h}
	go srv.ListenAndServe()
	return &http.Client{Transport: &http.Transport{}}
}
