package fixwrap

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

func call(method, u string, payload any) (*http.Request, error) { // want call:`encoded by json.Marshal`
	data, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	return http.NewRequest(method, u, bytes.NewReader(data))
}

type req struct {
	Method string
	Body   io.Reader
}

func do(r req) (*http.Request, error) { // want do:`request\(method=#0.Method, body=#0.Body\)`
	return http.NewRequest(r.Method, "http://x", r.Body)
}

func use(u string) {
	call(http.MethodGet, u, map[string]string{"a": "b"})          // want `GET request built by call carries a body`
	do(req{Method: http.MethodGet, Body: strings.NewReader("x")}) // want `GET request built by do carries a body`
}
