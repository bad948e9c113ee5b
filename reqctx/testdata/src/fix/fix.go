package fix

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

func newRequest(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx`
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func background(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), "GET", u, nil) // want `context.Background\(\) detaches this request from ctx`
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func get(ctx context.Context, u string) error {
	resp, err := http.Get(u) // want `http.Get sends a request without ctx`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func post(ctx context.Context, c *http.Client, u string, req int) error {
	var resp *http.Response
	var err error
	resp, err = c.Post(u, "application/json", nil) // want `Client.Post sends a request without ctx`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type api struct {
	client *http.Client
}

// Ctx is context.Context under another name.
type Ctx = context.Context

func (a *api) postForm(ctx Ctx, u string, v url.Values) error {
	_, err := a.client.PostForm(u, v) // want `Client.PostForm sends a request without ctx`
	return err
}

// No fix: the call is an if's init.
func inInit(ctx context.Context, u string) {
	if resp, err := http.Head(u); err == nil { // want `http.Head sends a request without ctx`
		resp.Body.Close()
	}
}

// No fix: the error is dropped.
func dropped(ctx context.Context, u string) {
	resp, _ := http.Get(u) // want `http.Get sends a request without ctx`
	resp.Body.Close()
}

func discarded(ctx context.Context, req *http.Request) (*http.Response, error) { // want discarded:"sendsRequest"
	req.WithContext(ctx) // want `req.WithContext returns a new request`
	return http.DefaultClient.Do(req)
}

func nilContext(ctx context.Context, u string) (*http.Request, error) {
	return http.NewRequestWithContext(nil, "GET", u, nil) // want `http.NewRequestWithContext with a nil context`
}

// The request belongs to the child context.
func child(ctx context.Context, u string) (*http.Response, error) {
	tctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	req, err := http.NewRequest(http.MethodGet, u, nil) // want `http.NewRequest builds a request without tctx`
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}
