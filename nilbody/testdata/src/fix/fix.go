package fix

import (
	"net/http"
)

type empty struct{}

func (empty) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{}, nil // want `without a Body`
}

type oneLine struct{}

func (oneLine) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Request: req}, nil // want `without a Body`
}

type multiLine struct{}

func (multiLine) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method == http.MethodHead {
		return &http.Response{ // want `without a Body`
			StatusCode: http.StatusOK,
			Header:     http.Header{"X": {"y"}}, // a comment
			Request:    req,
		}, nil
	}
	resp := &http.Response{ // want `without a Body`
		StatusCode: 200,
	}
	return resp, nil
}

type explicitNil struct{}

func (explicitNil) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 204, Body: nil}, nil // want `nil Body`
}

type assignedNil struct{}

func (assignedNil) RoundTrip(req *http.Request) (*http.Response, error) {
	resp := &http.Response{StatusCode: 204, Body: http.NoBody}
	resp.Body = nil // want `Body is nil`
	return resp, nil
}
