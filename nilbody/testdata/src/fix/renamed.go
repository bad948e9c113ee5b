package fix

import nethttp "net/http"

type renamed struct{}

func (renamed) RoundTrip(*nethttp.Request) (*nethttp.Response, error) {
	return &nethttp.Response{StatusCode: 200}, nil // want `without a Body`
}
