package notests

import "net/http"

type testDouble struct{}

// -nilbody.tests=false: not reported.
func (testDouble) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200}, nil
}
