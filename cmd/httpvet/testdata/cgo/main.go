// Package main imports "C": its findings are reported like any other's.
package main

// static int one(void) { return 1; }
import "C"

import "net/http"

func main() {
	_ = C.one()
	srv := &http.Server{Addr: ":8080"}
	srv.ListenAndServe()
}
