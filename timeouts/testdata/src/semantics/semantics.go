package semantics

import (
	"net/http"
	"time"
)

// An explicit ReadTimeout: 0 is no fallback for ReadHeaderTimeout and
// IdleTimeout: the server has no timeout at all.
func readTimeoutZero(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadTimeout: 0} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func readTimeoutZeroAssigned(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	srv.ReadTimeout = 0
	return srv.ListenAndServe()
}

// An explicit zero ReadHeaderTimeout opts out of that field only.
func readHeaderZero(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 0} // want `http.Server without IdleTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

// A non-zero ReadTimeout is the fallback for both.
func readTimeoutSet(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadTimeout: 30 * time.Second}
	return srv.ListenAndServe()
}

func readTimeoutVar(h http.Handler, d time.Duration) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadTimeout: d}
	return srv.ListenAndServe()
}

// A field set on the value the variable held before is not set on the
// value it holds now.
func reassigned(h http.Handler) error {
	server := &http.Server{Addr: ":8081"}
	server.ReadHeaderTimeout = 3 * time.Second
	server.IdleTimeout = time.Minute
	server = &http.Server{Addr: ":8080", Handler: h} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	return server.ListenAndServe()
}

// The fields set after the reassignment count.
func reassignedThenSet(h http.Handler) error {
	server := &http.Server{Addr: ":8081"}
	server = &http.Server{Addr: ":8080", Handler: h}
	server.ReadHeaderTimeout = 3 * time.Second
	server.IdleTimeout = time.Minute
	return server.ListenAndServe()
}

func reassignedClient(u string) error {
	c := &http.Client{Timeout: time.Second}
	c.Timeout = 5 * time.Second
	c = &http.Client{} // want `http.Client without Timeout`
	_, err := c.Get(u)
	return err
}
