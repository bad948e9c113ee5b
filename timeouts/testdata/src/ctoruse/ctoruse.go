package ctoruse

import (
	"net/http"
	"time"

	"ctorlib"
)

func serve(h http.Handler) error {
	srv := ctorlib.NewServer(h) // want `http.Server from ctorlib.NewServer without ReadHeaderTimeout, IdleTimeout or ReadTimeout: .*; set them before serving or sending`
	return srv.ListenAndServe()
}

func serveConfigured(h http.Handler) error {
	srv := ctorlib.NewServer(h)
	srv.ReadHeaderTimeout = 5 * time.Second
	srv.IdleTimeout = time.Minute
	return srv.ListenAndServe()
}
