package a

import (
	"errors"
	"io"
	"net/http"
	"strings"
)

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// Bad: reported.

type stub struct{ status int }

func (s stub) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: s.status}, nil // want `this RoundTripper returns an http.Response without a Body at line 19: code that calls RoundTrip directly, such as middleware, reads resp.Body and panics; set Body to http.NoBody`
}

type nilBody struct{}

func (*nilBody) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 204, Body: nil}, nil // want `returns an http.Response with a nil Body`
}

type nothing struct{}

func (nothing) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, nil // want `this RoundTripper returns a nil \*http.Response with a nil error, which breaks the http.RoundTripper contract; return a response or an error`
}

type someBranch struct{ ok bool }

func (t someBranch) RoundTrip(req *http.Request) (*http.Response, error) {
	resp := &http.Response{StatusCode: 200, Request: req} // want `without a Body at line 45`
	resp.Header = http.Header{}
	if t.ok {
		resp.Body = io.NopCloser(strings.NewReader("ok"))
	}
	if resp != nil {
		resp.Header.Set("X", "y")
	}
	return resp, nil
}

type fieldByField struct{}

func (fieldByField) RoundTrip(req *http.Request) (*http.Response, error) {
	var resp http.Response // want `without a Body at line 53: .*; set its Body to http.NoBody`
	resp.StatusCode = 200
	return &resp, nil
}

type newResp struct{}

func (newResp) RoundTrip(req *http.Request) (*http.Response, error) {
	resp := new(http.Response) // want `without a Body at line 61`
	resp.StatusCode = http.StatusNotFound
	return resp, nil
}

type nilAssigned struct{}

func (nilAssigned) RoundTrip(req *http.Request) (*http.Response, error) {
	resp := &http.Response{StatusCode: 200, Body: http.NoBody}
	resp.Body = nil // want `whose Body is nil at line 69`
	return resp, nil
}

var converted = roundTripFunc(func(req *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200}, nil // want `without a Body`
})

var client = &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
	return nil, nil // want `nil \*http.Response with a nil error`
})}

func use(rt roundTripFunc) {}

func passed() {
	use(func(*http.Request) (*http.Response, error) {
		return &http.Response{}, nil // want `without a Body`
	})
	var rt roundTripFunc = func(*http.Request) (*http.Response, error) {
		return &http.Response{Status: "200 OK"}, nil // want `without a Body`
	}
	_ = rt
	var ts = map[string]roundTripFunc{
		"x": func(*http.Request) (*http.Response, error) { return &http.Response{}, nil }, // want `without a Body`
	}
	_ = ts
}

func returned() roundTripFunc {
	return func(*http.Request) (*http.Response, error) {
		return &http.Response{}, nil // want `without a Body`
	}
}

// Good: not reported.

type withBody struct{}

func (withBody) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Body: http.NoBody}, nil
}

type everyPath struct{ ok bool }

func (t everyPath) RoundTrip(req *http.Request) (*http.Response, error) {
	resp := &http.Response{StatusCode: 200}
	if t.ok {
		resp.Body = io.NopCloser(strings.NewReader("ok"))
	} else {
		resp.Body = http.NoBody
	}
	return resp, nil
}

type wrapper struct{ next http.RoundTripper }

func (w wrapper) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := w.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	resp.Header.Set("X-Wrapped", "1")
	return resp, nil
}

type passthrough struct{ next http.RoundTripper }

func (p passthrough) RoundTrip(req *http.Request) (*http.Response, error) {
	return p.next.RoundTrip(req)
}

type failing struct{}

func (failing) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL == nil {
		return nil, errors.New("no URL")
	}
	return &http.Response{StatusCode: 500}, errors.New("always fails") // Client ignores the response
}

type helper struct{}

func respond(code int) *http.Response { return &http.Response{StatusCode: code} } // want respond:"bodylessResult"

func (helper) RoundTrip(req *http.Request) (*http.Response, error) {
	return respond(200), nil // want `returns the http.Response of respond without a Body at line 153: .*; set its Body to http.NoBody in respond`
}

type filled struct{}

func fill(resp *http.Response) { resp.Body = http.NoBody }

func (filled) RoundTrip(req *http.Request) (*http.Response, error) {
	resp := &http.Response{StatusCode: 200}
	fill(resp)
	return resp, nil
}

type closure struct{}

func (closure) RoundTrip(req *http.Request) (*http.Response, error) {
	resp := &http.Response{StatusCode: 200}
	set := func() { resp.Body = http.NoBody }
	set()
	return resp, nil
}

type namedResults struct{}

func (namedResults) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	resp = &http.Response{StatusCode: 200, Body: http.NoBody}
	return
}

// Not a RoundTripper: another RoundTrip signature.
type conn struct{}

func (conn) RoundTrip(msg []byte) ([]byte, error) { return nil, nil }

// A func field standing in for Client.Do is not a RoundTripper.
type fakeClient struct {
	do func(*http.Request) (*http.Response, error)
}

var fake = fakeClient{do: func(*http.Request) (*http.Response, error) { return &http.Response{}, nil }}

func notConverted() {
	do := func(*http.Request) (*http.Response, error) { return nil, nil }
	_ = do
}

// A response literal that is not returned.
func literal() *http.Response { // want literal:"bodylessResult"
	return &http.Response{StatusCode: 200}
}

// A function declaration converted to a RoundTripper func type.
func fakeTransport(req *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200}, nil // want `without a Body`
}

var viaDecl = &http.Client{Transport: roundTripFunc(fakeTransport)}

// A function with the signature that is only called: not a RoundTripper.
func doLike(req *http.Request) (*http.Response, error) { // want doLike:"bodylessResult"
	return &http.Response{StatusCode: 200}, nil
}

var _, _ = doLike(nil)
