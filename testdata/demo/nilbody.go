package main

import "net/http"

// nilbodyStub answers every request with 503 without touching the
// network, as test doubles and circuit breakers do; it forgets the Body,
// so middleware that calls RoundTrip directly panics on resp.Body.
type nilbodyStub struct{}

func (nilbodyStub) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusServiceUnavailable,
		Header:     make(http.Header),
		Request:    req,
	}, nil
}
