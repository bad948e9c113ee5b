package loopback

import (
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
)

const debugAddr = "127.0.0.1:6060"

// Loopback and unix-socket servers: no slow client can reach them.
func pprof() error {
	srv := &http.Server{Addr: "127.0.0.1:6060"}
	return srv.ListenAndServe()
}

func pprofConst() error {
	return (&http.Server{Addr: debugAddr}).ListenAndServe()
}

func localhost(h http.Handler) error {
	srv := &http.Server{Handler: h}
	srv.Addr = "localhost:8080"
	return srv.ListenAndServe()
}

func ipv6(h http.Handler) error {
	return http.ListenAndServe("[::1]:8080", h)
}

func pkgLevel() error {
	return http.ListenAndServe("127.0.0.1:6060", nil)
}

func unixSocket(h http.Handler, path string) error {
	ln, err := net.Listen("unix", path)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	return srv.Serve(ln)
}

func loopbackListener(h http.Handler, cfg *tls.Config) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	return srv.Serve(tls.NewListener(ln, cfg))
}

func pkgServe(h http.Handler) error {
	ln, err := net.Listen("unix", "/run/x.sock")
	if err != nil {
		return err
	}
	return http.Serve(ln, h)
}

// Public addresses keep reporting: people copy examples.
func public(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server without ReadHeaderTimeout`
	return srv.ListenAndServe()
}

func allInterfaces(h http.Handler) error {
	srv := &http.Server{Addr: "0.0.0.0:8080", Handler: h} // want `http.Server without ReadHeaderTimeout`
	return srv.ListenAndServe()
}

func pkgPublic(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `http.ListenAndServe starts a server`
}

func tcpListener(h http.Handler) error {
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h} // want `http.Server without ReadHeaderTimeout`
	return srv.Serve(ln)
}

// One local and one public listener: reported.
func both(h http.Handler) error {
	ln, err := net.Listen("unix", "/run/x.sock")
	if err != nil {
		return err
	}
	public, err := net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h} // want `http.Server without ReadHeaderTimeout`
	go srv.Serve(ln)
	return srv.Serve(public)
}

func addrFromFlag(h http.Handler, addr string) error {
	srv := &http.Server{Addr: addr, Handler: h} // want `http.Server without ReadHeaderTimeout`
	return srv.ListenAndServe()
}

// The listener wrapped in place: followed once, still a unix socket.
func wrapped(h http.Handler, cfg *tls.Config) error {
	ln, err := net.Listen("unix", "/run/x.sock")
	if err != nil {
		return err
	}
	ln = tls.NewListener(ln, cfg)
	srv := &http.Server{Handler: h}
	return srv.Serve(ln)
}

// A loopback host with a port from elsewhere (go-containerregistry's
// cmd/registry).
func sprintfHost(h http.Handler, port int) error {
	ln, err := net.Listen("tcp", fmt.Sprintf("localhost:%d", port))
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h}
	return srv.Serve(ln)
}

func joinHost(h http.Handler, port string) error {
	srv := &http.Server{Addr: net.JoinHostPort("::1", port), Handler: h}
	return srv.ListenAndServe()
}

func sprintfAnyHost(h http.Handler, host string, port int) error {
	srv := &http.Server{Addr: fmt.Sprintf("%s:%d", host, port), Handler: h} // want `http.Server without ReadHeaderTimeout`
	return srv.ListenAndServe()
}
