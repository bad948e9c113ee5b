package listenfix

import (
	"net"
	"net/http"
)

func listen(h http.Handler) error {
	return http.ListenAndServe(":8080", h) // want `http.ListenAndServe starts a server without timeouts`
}

func listenNil() error {
	return http.ListenAndServe(":8080", nil) // want `http.ListenAndServe starts a server without timeouts`
}

func listenTLS(h http.Handler) error {
	return http.ListenAndServeTLS(":8443", "cert.pem", "key.pem", h) // want `http.ListenAndServeTLS starts a server`
}

func serve(h http.Handler, l net.Listener) error {
	return http.Serve(l, h) // want `http.Serve starts a server`
}

func serveTLS(l net.Listener) error {
	return http.ServeTLS(l, http.HandlerFunc(handle), "c", "k") // want `http.ServeTLS starts a server`
}

func handle(http.ResponseWriter, *http.Request) {}

func impure(mk func() http.Handler) error {
	return http.Serve(ListenOrDie("tcp", ":8080"), mk()) // want `http.Serve starts a server`
}

// ListenOrDie is called with a network and an address, as net.Listen is:
// a listener on a public TCP address.
func ListenOrDie(network, addr string) net.Listener {
	ln, err := net.Listen(network, addr)
	if err != nil {
		panic(err)
	}
	return ln
}

// serve and serveTLS are given public listeners by their only callers.
func start(h http.Handler) error {
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		return err
	}
	go serveTLS(ln)
	return serve(h, ln)
}
