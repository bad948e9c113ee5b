// Package helpers builds responses for test RoundTrippers in another
// package.
package helpers

import (
	"io"
	"net/http"
	"strings"
)

func OK() *http.Response { // want OK:"bodylessResult"
	return &http.Response{StatusCode: http.StatusOK}
}

func Status(code int) (*http.Response, error) { // want Status:"bodylessResult"
	resp := &http.Response{StatusCode: code}
	if code == http.StatusNoContent {
		return resp, nil
	}
	resp.Body = io.NopCloser(strings.NewReader(http.StatusText(code)))
	return resp, nil
}

// Indirect calls a helper: the fact follows.
func Indirect() *http.Response { return OK() } // want Indirect:"bodylessResult"

func WithBody(s string) *http.Response {
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(strings.NewReader(s))}
}

// Failed returns its response with an error: no fact.
func Failed() (*http.Response, error) {
	return &http.Response{StatusCode: 500}, io.EOF
}
