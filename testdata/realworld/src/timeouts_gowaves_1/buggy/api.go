// Package internal is reduced from wavesplatform/gowaves's fork detector
// API: NewAPI keeps the server in an unexported field and Start serves it
// from a goroutine (the chi router is an http.ServeMux here).
//
// https://github.com/wavesplatform/gowaves/pull/781
//
// Bug: the API server was `&http.Server{Addr: bind, Handler: r}` with no
// timeouts; the fix sets ReadHeaderTimeout and ReadTimeout (30 s).
package internal

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"
)

type api struct {
	interrupt <-chan struct{}
	srv       *http.Server
}

func NewAPI(interrupt <-chan struct{}, bind string) (*api, error) {
	if bind == "" {
		return nil, errors.New("empty address to bin")
	}
	a := api{interrupt: interrupt}
	r := http.NewServeMux()
	r.Handle("/api/", a.routes())
	a.srv = &http.Server{Addr: bind, Handler: r}
	return &a, nil
}

func (a *api) routes() http.Handler {
	r := http.NewServeMux()
	r.HandleFunc("/api/status", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("{}")) })
	return r
}

func (a *api) Start() <-chan struct{} {
	done := make(chan struct{})
	go func() {
		err := a.srv.ListenAndServe()
		if err != nil && err != http.ErrServerClosed {
			log.Printf("Failed to start API: %v", err)
			close(done)
			return
		}
	}()
	select {
	case <-done:
		return done
	default:
	}
	go func() {
		<-a.interrupt
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := a.srv.Shutdown(ctx)
		if err != nil && !errors.Is(err, context.Canceled) {
			log.Printf("Failed to shutdown API server: %v", err)
		}
		cancel()
		close(done)
	}()
	return done
}
