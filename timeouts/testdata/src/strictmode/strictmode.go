// Package strictmode holds the shapes timeouts reports only in strict
// mode (contract findings) beside one it reports in both (cost).
package strictmode

import (
	"net"
	"net/http"
	"time"
)

// An explicit zero ReadHeaderTimeout is none.
func zero(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 0, IdleTimeout: time.Minute} // want `^contract: http.Server without ReadHeaderTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

// Never served in view.
var Unserved = &http.Server{Addr: ":8081"} // want `^contract: http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`

// A listener the analysis cannot see.
func serveOn(ln net.Listener, h http.Handler) error {
	return http.Serve(ln, h) // want `^contract: http.Serve starts a server without timeouts`
}

// A loopback server.
func loopback(h http.Handler) error {
	return http.ListenAndServe("127.0.0.1:6060", h) // want `^contract: http.ListenAndServe starts a server without timeouts`
}

// An exported constructor of a Client without Timeout.
func NewClient() *http.Client {
	return &http.Client{} // want `^contract: http.Client without Timeout`
}

// Served on every interface: a finding of both modes.
func public(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `^cost: http.ListenAndServe starts a server without timeouts`
}
