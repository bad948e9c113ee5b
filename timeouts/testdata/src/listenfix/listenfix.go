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

func impure(mk func() http.Handler, l func() net.Listener) error {
	return http.Serve(l(), mk()) // want `http.Serve starts a server`
}
