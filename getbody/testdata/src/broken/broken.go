package broken

import (
	"net/http"
	"strings"
)

// Code with type errors must not crash the analyzer.
func f(u string) {
	http.NewRequest(undefinedMethod, u, strings.NewReader("x"))
	http.NewRequest(http.MethodGet, u, undefinedBody)
	http.NewRequest(http.MethodGet)
	var body = undefined()
	http.NewRequest(http.MethodGet, u, body)
	req := &http.Request{Method: "GET", Body: undefinedBody}
	req.Body = alsoUndefined
	x.Body = y
}
