// Package widgettest is test support by Go's convention for such packages
// (net/http/httptest serves http, testing/iotest io): it is named for a
// package it imports, followed by "test". Its servers and clients serve
// tests, bounded by go test -timeout.
package widgettest

import (
	"net/http"

	"widget"
)

func Start(h http.Handler, w widget.Widget) *http.Client {
	srv := &http.Server{Addr: "127.0.0.1:0", Handler: h}
	go srv.ListenAndServe()
	return &http.Client{Transport: &http.Transport{}}
}
