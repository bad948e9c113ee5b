// Package metrics is reduced from sosedoff/pgweb's Prometheus metrics
// server, started on the --metrics-addr the user gives.
//
// https://github.com/sosedoff/pgweb/pull/845
//
// Bug: the metrics server was started with http.ListenAndServe, which has no
// timeouts, open to slowloris; the fix serves a dedicated mux from an
// http.Server with read-header, read, write and idle timeouts.
package metrics

import (
	"log"
	"net/http"
	"time"
)

type Handler struct {
	startTime time.Time
}

func (h Handler) ServeHTTP(rw http.ResponseWriter, req *http.Request) {
	rw.Write([]byte("uptime_seconds " + time.Since(h.startTime).String() + "\n"))
}

func NewHandler() http.Handler {
	return Handler{startTime: time.Now()}
}

func StartServer(logger *log.Logger, path string, addr string) error {
	logger.Printf("starting prometheus metrics server addr=%s path=%s", addr, path)

	mux := http.NewServeMux()
	mux.Handle(path, NewHandler())

	server := &http.Server{
		Addr:              addr,
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
	}

	return server.ListenAndServe()
}
