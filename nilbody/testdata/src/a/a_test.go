package a

import "net/http"

type testDouble struct{}

func (testDouble) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200}, nil // want `without a Body`
}
