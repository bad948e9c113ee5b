// Package marshal holds request-building wrappers that take a payload and
// encode it, the way JSON API clients are written.
package marshal

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strings"
)

type API struct {
	base string
	hc   *http.Client
}

// Call marshals every payload: json.Marshal(nil) is "null", never empty.
func (a *API) Call(ctx context.Context, method, path string, payload any) (*http.Response, error) { // want Call:`request\(method=#1, body=#3\) encoded by json.Marshal`
	data, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

// Send skips the body when the payload is nil.
func (a *API) Send(ctx context.Context, method, path string, payload any) (*http.Response, error) { // want Send:`request\(method=#1, body=#3\) encoded by json.Marshal unless nil`
	var body io.Reader
	if payload != nil {
		data, err := json.Marshal(payload)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, body)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

// Exec wraps Call: a wrapper of a wrapper.
func (a *API) Exec(ctx context.Context, method, path string, filter any) (*http.Response, error) { // want Exec:`request\(method=#1, body=#3\) encoded by json.Marshal via Call`
	return a.Call(ctx, method, path, filter)
}

// List calls Call with a constant GET: whatever its filter, it sends a
// body, so the bug is here, not in List's callers.
func (a *API) List(ctx context.Context, path string, filter any) (*http.Response, error) {
	return a.Call(ctx, http.MethodGet, path, filter) // want `GET request built by Call carries a body, from its payload argument encoded with json.Marshal`
}

// Get calls Send with a constant GET and its filter: a nil filter would
// send no body, but the parameter says one is expected (go-github's
// ListFineGrainedPersonalAccessTokens passes its options so).
func (a *API) Get(ctx context.Context, path string, filter any) (*http.Response, error) {
	return a.Send(ctx, http.MethodGet, path, filter) // want `GET request built by Send carries a body, from its payload argument encoded with json.Marshal`
}

// Encode streams the payload into a buffer, unless it is nil.
func Encode(method, u string, v any) (*http.Request, error) { // want Encode:`request\(method=#0, body=#2\) encoded by json.Encoder.Encode unless nil`
	var buf bytes.Buffer
	if v == nil {
		return http.NewRequest(method, u, nil)
	} else {
		if err := json.NewEncoder(&buf).Encode(v); err != nil {
			return nil, err
		}
	}
	return http.NewRequest(method, u, &buf)
}

// XMLGet sends XML in a string reader.
func XMLGet(u string, v any) (*http.Request, error) {
	data, err := xml.Marshal(v)
	if err != nil {
		return nil, err
	}
	return http.NewRequest(http.MethodGet, u, strings.NewReader(string(data))) // want `GET request built by http.NewRequest carries a body`
}

// get is a plain reader wrapper.
func get(u string, body io.Reader) (*http.Request, error) { // want get:`request\(method="GET", body=#1\)`
	return http.NewRequest(http.MethodGet, u, body)
}

// Search marshals its query and hands the reader to get.
func Search(u string, q any) (*http.Request, error) {
	data, err := json.Marshal(q)
	if err != nil {
		return nil, err
	}
	return get(u, bytes.NewReader(data)) // want `GET request built by get carries a body, from its body argument`
}

// Request carries the method and the payload as fields.
type Request struct {
	Method string
	URL    string
	Body   any
}

// DoWithRetry reads the method and the body from fields of r.
func (a *API) DoWithRetry(ctx context.Context, r Request) (*http.Response, error) { // want DoWithRetry:`request\(method=#1.Method, body=#1.Body\) encoded by json.Marshal unless nil`
	var body []byte
	if r.Body != nil {
		var err error
		body, err = json.Marshal(r.Body)
		if err != nil {
			return nil, err
		}
	}
	var lastErr error
	for attempt := 0; attempt < 3; attempt++ {
		req, err := http.NewRequestWithContext(ctx, r.Method, r.URL, bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		resp, err := a.hc.Do(req)
		if err == nil {
			return resp, nil
		}
		lastErr = err
	}
	return nil, lastErr
}

// Req carries a method and a reader.
type Req struct {
	Method string
	Body   io.Reader
}

// Do reads the fields of a pointer parameter.
func Do(r *Req) (*http.Request, error) { // want Do:`request\(method=#0.Method, body=#0.Body\)`
	return http.NewRequest(r.Method, "http://x", r.Body)
}

// Not wrappers of interest: the payload is encoded only when the method
// takes a body, or not into the body at all.

func (a *API) OnlyForPost(ctx context.Context, method, path string, payload any) (*http.Response, error) {
	var body io.Reader
	if method != http.MethodGet {
		data, err := json.Marshal(payload)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.base+path, body)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

func (a *API) Switched(ctx context.Context, method, path string, payload any) (*http.Request, error) {
	var data []byte
	switch method {
	case http.MethodPost, http.MethodPut:
		data, _ = json.Marshal(payload)
	}
	return http.NewRequestWithContext(ctx, method, a.base+path, bytes.NewReader(data))
}

func (a *API) NilAndPost(ctx context.Context, method, path string, payload any) (*http.Request, error) {
	var body io.Reader
	if payload != nil && method == http.MethodPost {
		data, _ := json.Marshal(payload)
		body = bytes.NewReader(data)
	}
	return http.NewRequestWithContext(ctx, method, a.base+path, body)
}

func (a *API) InQuery(ctx context.Context, method, path string, payload any) (*http.Request, error) {
	data, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	return http.NewRequestWithContext(ctx, method, a.base+path+"?q="+url.QueryEscape(string(data)), nil)
}

func EncodedThenReset(method, u string, v any) (*http.Request, error) {
	buf := new(bytes.Buffer)
	json.NewEncoder(buf).Encode(v)
	buf = new(bytes.Buffer)
	return http.NewRequest(method, u, buf)
}

// NewRequest is go-github's shape: an io.ReadWriter filled by an encoder
// only for a non-nil body.
func NewRequest(method, u string, body any) (*http.Request, error) { // want NewRequest:`request\(method=#0, body=#2\) encoded by json.Encoder.Encode unless nil`
	var buf io.ReadWriter
	if body != nil {
		buf = &bytes.Buffer{}
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(body); err != nil {
			return nil, err
		}
	}
	return http.NewRequest(method, u, buf)
}

// EarlyReturn returns before encoding a nil payload.
func EarlyReturn(method, u string, payload any) (*http.Request, error) { // want EarlyReturn:`request\(method=#0, body=#2\) encoded by json.Marshal unless nil`
	if payload == nil {
		return http.NewRequest(method, u, nil)
	}
	data, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	return http.NewRequest(method, u, bytes.NewReader(data))
}
