package withtests

import "net/http"

type testDouble struct{}

// -nilbody.tests (and -strict): reported, as a contract finding.
func (testDouble) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200}, nil // want `without a Body`
}
