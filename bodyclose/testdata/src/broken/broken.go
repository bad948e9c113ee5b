package broken

import (
	"io"
	"net/http"
)

// Code with type errors must not crash the analyzer.
func f(u string) {
	resp, err := http.Get(undefinedURL)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	x, y := http.Get(u, extra)
	undefinedFunc(resp)
	io.Copy(io.Discard, resp.Body, 3)
	resp = undefined.Do()
	var r *http.Response = notDefined
	for z := range nothing {
		r, _ = http.Get(z)
	}
	_, _ = x, y
}

func (undefinedType) g() (*http.Response, error) {
	return http.Get()
}
