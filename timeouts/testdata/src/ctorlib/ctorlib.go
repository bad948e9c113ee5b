package ctorlib

import (
	"net/http"
	"time"
)

// NewServer's callers in this package set the timeouts: silent here; the
// fact tells callers in other packages what they must set.
func NewServer(h http.Handler) *http.Server { // want NewServer:`returns an http.Server without ReadHeaderTimeout, IdleTimeout`
	return &http.Server{Addr: ":8080", Handler: h}
}

func Run(h http.Handler) error {
	srv := NewServer(h)
	srv.ReadHeaderTimeout = 5 * time.Second
	srv.IdleTimeout = time.Minute
	return srv.ListenAndServe()
}
