// Command dcrdata is reduced from decred/dcrdata's listenAndServeProto,
// which serves the explorer and API on the configured address.
//
// https://github.com/decred/dcrdata/pull/407
//
// Bug: the web server was started with http.ListenAndServe /
// http.ListenAndServeTLS, which have no timeouts, so slow clients could hold
// connections open; the fix builds an http.Server with ReadTimeout and
// WriteTimeout and serves it.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"time"
)

type config struct {
	APIListen string
	APIProto  string
}

func listenAndServeProto(listen, proto string, mux http.Handler) error {
	// Try to bind web server
	errChan := make(chan error)
	if proto == "https" {
		go func() {
			errChan <- http.ListenAndServeTLS(listen, "dcrdata.cert", "dcrdata.key", mux)
		}()
	} else {
		go func() {
			errChan <- http.ListenAndServe(listen, mux)
		}()
	}

	// Briefly wait for an error and then return
	t := time.NewTimer(3 * time.Second)
	select {
	case err := <-errChan:
		return fmt.Errorf("Failed to bind web server: %v", err)
	case <-t.C:
		log.Printf("Now serving explorer on %s://%v/", proto, listen)
		return nil
	}
}

func main() {
	cfg := &config{}
	flag.StringVar(&cfg.APIListen, "apilisten", ":7777", "Listen address for API")
	flag.StringVar(&cfg.APIProto, "apiproto", "http", "Protocol for API (http or https)")
	flag.Parse()

	mux := http.NewServeMux()
	if err := listenAndServeProto(cfg.APIListen, cfg.APIProto, mux); err != nil {
		log.Fatal(err)
	}
	select {}
}
