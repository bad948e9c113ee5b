// Package errnil: RoundTrippers that return nil with an error variable
// that is still nil on some path.
package errnil

import (
	"context"
	"errors"
	"net/http"
	"time"
)

type retry struct {
	next http.RoundTripper
	max  int
}

// The abort branch breaks out before any attempt set err.
func (t *retry) RoundTrip(req *http.Request) (*http.Response, error) {
	var err error
	for i := 0; i < t.max; i++ {
		if req.Context().Err() != nil {
			break
		}
		var resp *http.Response
		resp, err = t.next.RoundTrip(req)
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, err // want `this RoundTripper may return a nil \*http.Response with a nil error: err is still nil here on the path from line 19`
}

type retryFixed struct {
	next http.RoundTripper
	max  int
}

// Fixed: the abort branch sets the error.
func (t *retryFixed) RoundTrip(req *http.Request) (*http.Response, error) {
	err := errors.New("no attempt")
	for i := 0; i < t.max; i++ {
		if cerr := req.Context().Err(); cerr != nil {
			err = cerr
			break
		}
		var resp *http.Response
		resp, err = t.next.RoundTrip(req)
		if err == nil {
			return resp, nil
		}
	}
	return nil, err
}

type checked struct{ next http.RoundTripper }

// err is tested before the return: not nil there.
func (t *checked) RoundTrip(req *http.Request) (*http.Response, error) {
	var err error
	if req.URL == nil {
		err = errors.New("no URL")
	}
	if err != nil {
		return nil, err
	}
	return t.next.RoundTrip(req)
}

type fromCall struct{ next http.RoundTripper }

// err comes from a call: anything.
func (t *fromCall) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx, cancel := context.WithTimeout(req.Context(), time.Second)
	defer cancel()
	resp, err := t.next.RoundTrip(req.WithContext(ctx))
	if err != nil {
		return nil, err
	}
	return resp, nil
}
