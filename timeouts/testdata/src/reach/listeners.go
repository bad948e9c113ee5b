package reach

import (
	"context"
	"net"
	"net/http"
)

// A listener made loopback in a constructor, kept in a field and served
// in a method (tailscale drive/driveimpl/fileserver.go).
type FileServer struct {
	ln net.Listener
}

func NewFileServer() (*FileServer, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	return &FileServer{ln: ln}, nil
}

func (s *FileServer) ServeHTTP(http.ResponseWriter, *http.Request) {}

func (s *FileServer) Serve() error {
	return http.Serve(s.ln, s)
}

// A listener split off a loopback one by another function (tailscale
// tsnet.go: proxymux.SplitSOCKSAndHTTP).
func splitListener(ln net.Listener) (socks, web net.Listener) { return ln, ln }

func localAPI(h http.Handler) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	_, httpLn := splitListener(ln)
	return http.Serve(httpLn, h)
}

// An in-memory listener (tailscale tsnet.go: memnet.Listen).
type memListener struct{ net.Listener }

func Listen(addr string) *memListener { return &memListener{} }

type tsServer struct {
	localAPIServer *http.Server
}

func (s *tsServer) start(h http.Handler) {
	lal := Listen("local-tailscaled.sock:80")
	s.localAPIServer = &http.Server{Handler: h}
	go s.localAPIServer.Serve(lal)
}

// A listener passed in: the LocalAPI's unix socket or named pipe
// (tailscale ipn/ipnserver/server.go: Run(ctx, ln)).
type Server struct{}

func (s *Server) serveHTTP(http.ResponseWriter, *http.Request) {}

func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:     http.HandlerFunc(s.serveHTTP),
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
	return hs.Serve(ln)
}

// Socket activation: the listeners systemd passes (tailscale
// cmd/nginx-auth).
func activationListeners() ([]net.Listener, error) { return nil, nil }

func nginxAuth(mux http.Handler) {
	listeners, err := activationListeners()
	if err != nil {
		panic(err)
	}
	for _, ln := range listeners {
		go func(ln net.Listener) {
			panic(http.Serve(ln, mux))
		}(ln)
	}
}

// One connection, handed over by the caller (tailscale
// ipn/ipnlocal/local.go: HandleQuad100Port80Conn).
type oneConnListener struct {
	net.Listener
	conn net.Conn
}

func newOneConnListener(c net.Conn) net.Listener { return &oneConnListener{conn: c} }

func HandleQuad100Port80Conn(h http.Handler, c net.Conn) error {
	var s http.Server
	s.Handler = h
	return s.Serve(newOneConnListener(c))
}

// Connections the program dials out itself, served through a channel
// (tailscale cmd/tta: hs.Serve(chanListener(conns))).
type chanListener <-chan net.Conn

func (l chanListener) Accept() (net.Conn, error) { return <-l, nil }
func (l chanListener) Close() error              { return nil }
func (l chanListener) Addr() net.Addr            { return nil }

func tta(h http.Handler, conns chan net.Conn) error {
	var hs http.Server
	hs.Handler = h
	return hs.Serve(chanListener(conns))
}

// Still reported: listeners visibly on a public TCP address, through a
// field, through a parameter whose callers pass one, and tsnet's
// Server.Listen (called with a network and an address, as net.Listen).
type app struct {
	ln net.Listener
}

func newApp() (*app, error) {
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		return nil, err
	}
	return &app{ln: ln}, nil
}

func (a *app) serve(h http.Handler) error {
	return http.Serve(a.ln, h) // want `http.Serve starts a server`
}

func serveOn(h http.Handler, ln net.Listener) error {
	srv := &http.Server{Handler: h} // want `http.Server without ReadHeaderTimeout`
	return srv.Serve(ln)
}

func startPublic(h http.Handler) error {
	ln, err := net.Listen("tcp4", "0.0.0.0:80")
	if err != nil {
		return err
	}
	return serveOn(h, ln)
}

type tailnet struct{}

func (*tailnet) Listen(network, addr string) (net.Listener, error) { return nil, nil }

func tshello(ts *tailnet, h http.Handler) error {
	ln, err := ts.Listen("tcp", ":80")
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // want `http.Serve starts a server`
}

// A listener that is a unix socket or a public one.
func eitherListener(h http.Handler, path string) error {
	var ln net.Listener
	var err error
	if path != "" {
		ln, err = net.Listen("unix", path)
	} else {
		ln, err = net.Listen("tcp", ":8080")
	}
	if err != nil {
		return err
	}
	return http.Serve(ln, h) // want `http.Serve starts a server`
}

// A serve function chosen by mode and called with a listener that may be
// public (tailscale k8s-operator/api-proxy): a function literal assigned
// to a local variable and a method value are followed to their calls.
type apiProxy struct {
	hs *http.Server
	ts *tailnet
}

func (ap *apiProxy) Run(https bool, h http.Handler) error {
	ap.hs = &http.Server{Handler: h} // want `http.Server without ReadHeaderTimeout`
	var proxyLn net.Listener
	var serve func(ln net.Listener) error
	if https {
		var err error
		proxyLn, err = ap.ts.Listen("tcp", ":443")
		if err != nil {
			return err
		}
		serve = func(ln net.Listener) error {
			return ap.hs.ServeTLS(ln, "", "")
		}
	} else {
		baseLn, err := net.Listen("tcp", "localhost:80")
		if err != nil {
			return err
		}
		proxyLn = baseLn
		serve = ap.hs.Serve
	}
	return serve(proxyLn)
}

// The same with only local listeners, and with a serve function passed on.
type localProxy struct {
	hs *http.Server
}

func (p *localProxy) Run(h http.Handler, sock string) error {
	p.hs = &http.Server{Handler: h}
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return err
	}
	serve := func(ln net.Listener) error { return p.hs.Serve(ln) }
	return serve(ln)
}

type handedProxy struct {
	hs *http.Server
}

func (p *handedProxy) Run(h http.Handler, run func(func(net.Listener) error) error) error {
	p.hs = &http.Server{Handler: h}
	serve := p.hs.Serve
	return run(serve)
}

// Listeners collected in a slice and ranged over (tailscale cmd/tsidp: a
// tailnet listener, a Funnel one, maybe a loopback one).
func tsidp(ts *tailnet, h http.Handler, local bool) {
	var lns []net.Listener
	ln, err := ts.Listen("tcp", ":443")
	if err != nil {
		panic(err)
	}
	lns = append(lns, ln)
	if local {
		ln, err := net.Listen("tcp", "localhost:8080")
		if err != nil {
			panic(err)
		}
		lns = append(lns, ln)
	}
	for _, ln := range lns {
		server := http.Server{Handler: h} // want `http.Server without ReadHeaderTimeout`
		go server.Serve(ln)
	}
}

func onlyLocal(h http.Handler, socks []string) {
	lns := []net.Listener{}
	for _, sock := range socks {
		ln, err := net.Listen("unix", sock)
		if err != nil {
			panic(err)
		}
		lns = append(lns, ln)
	}
	for _, ln := range lns {
		go http.Serve(ln, h)
	}
}

// An unexported method's listener parameter, from its callers (tailscale
// cmd/sniproxy's promoteHTTPS).
type sniproxy struct{ ts *tailnet }

func (s *sniproxy) run() {
	ln, err := s.ts.Listen("tcp", ":80")
	if err != nil {
		panic(err)
	}
	go s.promoteHTTPS(ln)
}

func (s *sniproxy) promoteHTTPS(ln net.Listener) {
	panic(http.Serve(ln, http.NotFoundHandler())) // want `http.Serve starts a server`
}

// An exported field of an unexported type (rclone cmd/serve/dlna).
type dlnaServer struct {
	HTTPConn net.Listener
	handler  http.Handler
}

func newDLNAServer(addr string) (*dlnaServer, error) {
	network := "tcp4"
	if len(addr) > 20 {
		network = "tcp"
	}
	ln, err := net.Listen(network, addr)
	if err != nil {
		return nil, err
	}
	return &dlnaServer{HTTPConn: ln}, nil
}

func (s *dlnaServer) serveHTTP() error {
	srv := &http.Server{Handler: s.handler} // want `http.Server without ReadHeaderTimeout`
	return srv.Serve(s.HTTPConn)
}

// One caller passes a split listener (unknown), the other a listener on
// the address the user chose (tailscale cmd/tailscaled/proxy.go).
func mkProxyStart(socksLn, httpLn net.Listener) func() {
	return func() {
		hs := &http.Server{Handler: http.NotFoundHandler()} // want `http.Server without ReadHeaderTimeout`
		go hs.Serve(httpLn)
	}
}

func outboundProxy(httpAddr string, split bool) func() {
	if split {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			panic(err)
		}
		return mkProxyStart(splitListener(ln))
	}
	httpLn, err := net.Listen("tcp", httpAddr)
	if err != nil {
		panic(err)
	}
	return mkProxyStart(nil, httpLn)
}

func onlySplit() func() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	return mkLocalStart(splitListener(ln))
}

func mkLocalStart(socksLn, httpLn net.Listener) func() {
	return func() {
		hs := &http.Server{Handler: http.NotFoundHandler()}
		go hs.Serve(httpLn)
	}
}
