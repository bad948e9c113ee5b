package decls

// Declarations that name no identifier of net/http still hold its values:
// an element of another package's named slice type is an http.Server
// literal, and so is the field of a struct behind a named type.

import (
	"net/http"

	"declsdep"
)

var srvs = declsdep.Servers{{}} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`

var more = declsdep.Servers{{ReadHeaderTimeout: 1, IdleTimeout: 1}}

func serve() {
	_ = srvs[0].ListenAndServe()
	_ = more[0].ListenAndServe()
}

// A caller with no identifier of net/http decides the address a
// parameter serves on.
func main() {
	listen(":8080")
	local("127.0.0.1:8080")
}

func listen(addr string) {
	_ = http.ListenAndServe(addr, nil) // want `http.ListenAndServe`
}

func local(addr string) {
	_ = http.ListenAndServe(addr, nil)
}
