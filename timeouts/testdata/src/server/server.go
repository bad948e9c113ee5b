package server

import (
	"context"
	"flag"
	"net/http"
	"time"
)

func literal(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout: a client can hold a connection forever by sending its headers slowly \(Slowloris\), and idle keep-alive connections are never closed`
	return srv.ListenAndServe()
}

func onlyHeader(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadHeaderTimeout: 5 * time.Second} // want `http.Server without IdleTimeout or ReadTimeout: idle keep-alive connections are never closed \(IdleTimeout falls back to ReadTimeout, not ReadHeaderTimeout\)`
	return srv.ListenAndServe()
}

func onlyIdle(h http.Handler) error {
	srv := http.Server{Addr: ":8080", Handler: h, IdleTimeout: time.Minute} // want `http.Server without ReadHeaderTimeout or ReadTimeout: a client can hold a connection forever by sending its headers slowly \(Slowloris\); set ReadHeaderTimeout$`
	return srv.ListenAndServe()
}

func readTimeoutCoversBoth(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h, ReadTimeout: 30 * time.Second}
	return srv.ListenAndServe()
}

func both(h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, IdleTimeout: time.Minute}
	return srv.ListenAndServe()
}

func explicitZero(h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 0, IdleTimeout: 0}
	return srv.ListenAndServe()
}

type config struct{ header, idle time.Duration }

func fromConfig(h http.Handler, c config) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: c.header, IdleTimeout: c.idle}
	return srv.ListenAndServe()
}

func setLater(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	srv.ReadHeaderTimeout = 5 * time.Second
	srv.IdleTimeout = time.Minute
	return srv.ListenAndServe()
}

func setLaterPartly(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server without IdleTimeout or ReadTimeout`
	srv.ReadHeaderTimeout = 5 * time.Second
	return srv.ListenAndServe()
}

func setInClosure(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	configure := func() {
		srv.ReadTimeout = 5 * time.Second
	}
	configure()
	return srv.ListenAndServe()
}

func setByFlag(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	flag.DurationVar(&srv.ReadTimeout, "read-timeout", 0, "")
	flag.Parse()
	return srv.ListenAndServe()
}

func escapes(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	configure(srv)
	return srv.ListenAndServe()
}

func configure(srv *http.Server) { srv.ReadTimeout = time.Second }

func returned(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8080", Handler: h}
}

func returnedVar(h http.Handler) *http.Server {
	srv := &http.Server{Addr: ":8080", Handler: h}
	return srv
}

func namedResult(h http.Handler) (srv *http.Server) {
	srv = &http.Server{Addr: ":8080", Handler: h}
	return
}

func neverServed(h http.Handler) {
	srv := &http.Server{Addr: ":8080", Handler: h}
	_ = srv.Shutdown(context.Background())
}

func direct(h http.Handler) error {
	return (&http.Server{Addr: ":8080", Handler: h}).ListenAndServe() // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
}

func newServer(h http.Handler) error {
	srv := new(http.Server) // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	srv.Handler = h
	return srv.ListenAndServe()
}

func zeroVar(h http.Handler) error {
	var srv http.Server // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	srv.Handler = h
	return srv.ListenAndServe()
}

func zeroVarSet(h http.Handler) error {
	var srv http.Server
	srv.Handler = h
	srv.ReadTimeout = time.Second
	return srv.ListenAndServe()
}

func nilVar(h http.Handler) {
	var srv *http.Server
	_ = srv
}

func methodValue(h http.Handler, run func(func() error)) {
	srv := &http.Server{Handler: h} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	go func() { _ = srv.ListenAndServe() }()
	run(srv.ListenAndServe)
}

func inSlice(h http.Handler) {
	servers := []*http.Server{{Addr: ":1", Handler: h}, {Addr: ":2", Handler: h, ReadTimeout: time.Second}} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	for _, s := range servers {
		go s.ListenAndServe()
	}
}

func inSliceSetInLoop(h http.Handler) {
	servers := []*http.Server{{Addr: ":1", Handler: h}}
	for _, s := range servers {
		s.ReadHeaderTimeout = time.Second
		s.IdleTimeout = time.Minute
		go s.ListenAndServe()
	}
}

func inMap(h http.Handler) {
	servers := map[string]*http.Server{"a": {Addr: ":1", Handler: h}} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	servers["a"].ListenAndServe()
}

func sliceEscapes(h http.Handler, start func([]*http.Server)) {
	servers := []*http.Server{{Addr: ":1", Handler: h}}
	start(servers)
}

// app stores its server in a field: methods elsewhere configure or serve it.
type app struct {
	srv    *http.Server
	Public *http.Server // exported: importers may configure it
	other  *http.Server
}

func newApp(h http.Handler) *app {
	a := &app{srv: &http.Server{Handler: h}} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	a.Public = &http.Server{Handler: h}
	a.other = &http.Server{Handler: h}
	return a
}

func (a *app) run() error {
	go a.other.ListenAndServe()
	return a.srv.ListenAndServe()
}

func (a *app) tune() {
	a.other.ReadTimeout = time.Second
}

func (a *app) runPublic() error { return a.Public.ListenAndServe() }

var pkgServer = &http.Server{Addr: ":9"} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`

func servePkg() error { return pkgServer.ListenAndServe() }

// ExportedServer may be configured by importers.
var ExportedServer = &http.Server{Addr: ":9"}

func serveExported() error { return ExportedServer.ListenAndServe() }

func positional() {
	// Unkeyed fields: everything is spelled out (go vet's composites
	// check reports this form anyway).
	var _ = http.Server{}
}

func ignored(h http.Handler) error {
	//httpvet:ignore timeouts behind a proxy that enforces timeouts
	srv := &http.Server{Addr: ":8080", Handler: h}
	return srv.ListenAndServe()
}

func listen(h http.Handler) error {
	go http.ListenAndServe(":8080", h)                  // want `http.ListenAndServe starts a server without timeouts and no way to set them`
	return http.ListenAndServeTLS(":8443", "c", "k", h) // want `http.ListenAndServeTLS starts a server without timeouts`
}

func noKeepAlives(h http.Handler) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: time.Second}
	srv.SetKeepAlivesEnabled(false)
	return srv.ListenAndServe()
}
