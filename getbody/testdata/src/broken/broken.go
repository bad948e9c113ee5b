package broken

import (
	"bytes"
	"encoding/json"
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

type request struct {
	Method string
	Body   any
}

func wrapper(r request, p any) {
	data, _ := json.Marshal(p)
	http.NewRequest(r.Method, "u", bytes.NewReader(data))
	var buf bytes.Buffer
	undefinedEncoder(&buf).Encode(r.Body)
	http.NewRequest(r.Method, "u", &buf)
}

func useWrapper() {
	wrapper(request{Method: http.MethodGet, Body: undefinedBody}, nil)
	wrapper(undefinedRequest{Method: "GET"}, nil)
	wrapper(request{http.MethodGet}, missing)
	var buf bytes.Buffer
	buf.Undefined()
	http.NewRequest(http.MethodGet, "u", &buf)
}
