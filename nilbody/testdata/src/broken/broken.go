package broken

import "net/http"

type rt struct{}

func (rt) RoundTrip(r *http.Request) (*http.Response, error) {
	resp := &http.Response{StatusCode: undefined}
	resp.Body = missing()
	return resp, nil
}

type rt2 struct{}

func (rt2) RoundTrip(r *http.Request) (*http.Response, Undefined) {
	return &http.Response{}, nil
}

var f = roundTripFunc(func(r *http.Request) (*http.Response, error) { return nil, nil })

func (x *notAType) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{Body: nil, unknownField: 1}, nil
}
