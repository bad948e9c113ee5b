package shapes

import (
	"context"
	"net"
	"net/http"
	"time"
)

// Servers collected in a slice variable, ranged over and served, with
// graceful shutdown.
func sliceOfServers(api, admin http.Handler) {
	apiSrv := &http.Server{Addr: ":8080", Handler: api} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	adminSrv := &http.Server{Addr: ":8081", Handler: admin, ReadHeaderTimeout: time.Second, IdleTimeout: time.Minute}
	servers := []*http.Server{apiSrv, adminSrv}
	for _, s := range servers {
		go s.ListenAndServe()
	}
	for _, s := range servers {
		_ = s.Shutdown(context.Background())
	}
}

// The loop sets the fields of every server.
func sliceConfigured(api, admin http.Handler) {
	servers := []*http.Server{{Addr: ":8080", Handler: api}, {Addr: ":8081", Handler: admin}}
	for _, s := range servers {
		s.ReadHeaderTimeout = time.Second
		s.IdleTimeout = time.Minute
		go s.ListenAndServe()
	}
}

func appended(h http.Handler) {
	var servers []*http.Server
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	servers = append(servers, srv)
	for _, s := range servers {
		go s.ListenAndServe()
	}
}

// A map of name to server.
func mapOfServers(api http.Handler) {
	byName := map[string]*http.Server{
		"api": {Addr: ":8080", Handler: api}, // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	}
	metrics := &http.Server{Addr: ":9090"} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	byName["metrics"] = metrics
	for name, s := range byName {
		_ = name
		go s.ListenAndServe()
	}
}

// A function that starts serving and returns the server: the caller can
// no longer set its timeouts safely.
func startServer(h http.Handler, addr string) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: h} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	go srv.Serve(ln)
	return srv, nil
}

// The same on a listener the caller passes in: it may be a unix socket
// or a loopback one, the analyzer cannot know.
func StartServerOn(h http.Handler, ln net.Listener) *http.Server {
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	return srv
}

// A Server that sets only ReadHeaderTimeout, stored in a struct field
// and served from a goroutine: idle keep-alive connections are never
// closed.
type app struct {
	srv *http.Server
}

func newApp(h http.Handler) *app {
	return &app{srv: &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second}} // want `http.Server without IdleTimeout or ReadTimeout`
}

func (a *app) run() {
	go func() {
		_ = a.srv.ListenAndServe()
	}()
}
