package reach

import (
	"flag"
	"net"
	"net/http"
)

// A loopback address through a local variable (tailscale
// cmd/testcontrol).
func testcontrol(mux http.Handler) error {
	addr := "127.0.0.1:9911"
	return http.ListenAndServe(addr, mux)
}

// A loopback host with a port from a variable, through a parameter of an
// unexported function whose only caller passes a package constant, into a
// field (rclone lib/oauthutil's auth server).
const (
	bindPort    = "53682"
	bindAddress = "127.0.0.1:" + bindPort
)

type authServer struct {
	bindAddress string
	server      *http.Server
	listener    net.Listener
}

func newAuthServer(bindAddress string) *authServer {
	return &authServer{bindAddress: bindAddress}
}

func (s *authServer) Init() error {
	s.server = &http.Server{Addr: s.bindAddress}
	s.server.SetKeepAlivesEnabled(false)
	var err error
	s.listener, err = net.Listen("tcp", s.bindAddress)
	return err
}

func (s *authServer) Serve() error {
	return s.server.Serve(s.listener)
}

func auth() error {
	s := newAuthServer(bindAddress)
	if err := s.Init(); err != nil {
		return err
	}
	return s.Serve()
}

func portVar(h http.Handler, port string) error {
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		return err
	}
	return http.Serve(ln, h)
}

// Loopback flag defaults: the program listens on loopback unless its user
// points it elsewhere (websocket examples/command, tailscale status --web).
var addr = flag.String("addr", "127.0.0.1:8080", "http service address")

func flagDefault(h http.Handler) error {
	return http.ListenAndServe(*addr, h)
}

var webArgs struct {
	listen string
}

func flagVarDefault(fs *flag.FlagSet, h http.Handler) error {
	fs.StringVar(&webArgs.listen, "listen", "localhost:8088", "listen address")
	srv := &http.Server{Addr: webArgs.listen, Handler: h}
	return srv.ListenAndServe()
}

func localFlag(h http.Handler) error {
	listen := flag.String("listen", "localhost:8060", "listen address")
	flag.Parse()
	return http.ListenAndServe(*listen, h)
}

// Still reported: a public default, a variable with one public value, a
// parameter of an exported function, a field an exported function sets.
var publicAddr = flag.String("public", ":8080", "http service address")

func flagPublic(h http.Handler) error {
	return http.ListenAndServe(*publicAddr, h) // want `http.ListenAndServe starts a server`
}

func oneOfTwo(h http.Handler, debug bool) error {
	addr := "127.0.0.1:8080"
	if !debug {
		addr = ":8080"
	}
	return http.ListenAndServe(addr, h) // want `http.ListenAndServe starts a server`
}

func ListenOn(h http.Handler, addr string) error {
	return http.ListenAndServe(addr, h) // want `http.ListenAndServe starts a server`
}

// listenOn's callers pass a loopback address and a public one.
func listenOn(h http.Handler, addr string) error {
	return http.ListenAndServe(addr, h) // want `http.ListenAndServe starts a server`
}

func callers(h http.Handler) {
	go listenOn(h, "localhost:1")
	go listenOn(h, ":80")
}

// A flag whose address is changed after parsing.
var changed = flag.String("changed", "localhost:8080", "")

func changedFlag(h http.Handler, override string) error {
	a := changed
	a = &override
	return http.ListenAndServe(*a, h) // want `http.ListenAndServe starts a server`
}

// Tests that point a flag or a parameter elsewhere configure the test,
// not the program (reach_test.go).
func serveDebug(h http.Handler, addr string) error {
	return http.ListenAndServe(addr, h)
}

func debug(h http.Handler) error {
	return serveDebug(h, "localhost:6060")
}
