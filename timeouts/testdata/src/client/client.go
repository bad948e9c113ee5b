package client

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

func literal(u string) (*http.Response, error) {
	req, _ := http.NewRequest("GET", u, nil)
	c := &http.Client{} // want `http.Client without Timeout: its requests can wait forever on a slow or stuck server`
	return c.Do(req)
}

func valueLiteral(u string) (*http.Response, error) {
	c := http.Client{Transport: http.DefaultTransport} // want `http.Client without Timeout`
	return c.Get(u)
}

func withTimeout(u string) (*http.Response, error) {
	c := &http.Client{Timeout: 10 * time.Second}
	return c.Get(u)
}

func explicitZero(u string) (*http.Response, error) {
	c := &http.Client{Timeout: 0} // streaming: deliberate
	return c.Get(u)
}

func fromConfig(u string, d time.Duration) (*http.Response, error) {
	c := &http.Client{Timeout: d}
	return c.Get(u)
}

func setLater(u string) (*http.Response, error) {
	c := &http.Client{}
	c.Timeout = time.Minute
	return c.Get(u)
}

func copyDefault(u string, d time.Duration) (*http.Response, error) {
	c := *http.DefaultClient
	c.Timeout = d
	return c.Get(u)
}

func newClient(u string) (*http.Response, error) {
	c := new(http.Client) // want `http.Client without Timeout`
	return c.Head(u)
}

func zeroVar(u string) (*http.Response, error) {
	var c http.Client // want `http.Client without Timeout`
	return c.PostForm(u, url.Values{})
}

func returned() *http.Client {
	return &http.Client{}
}

func escapes(u string, wrap func(*http.Client) *http.Client) (*http.Response, error) {
	c := &http.Client{}
	return wrap(c).Get(u)
}

func neverSends() *http.Transport {
	c := &http.Client{}
	c.CloseIdleConnections()
	return nil
}

type api struct {
	http  *http.Client
	tuned *http.Client
}

func newAPI() *api {
	return &api{http: &http.Client{}, tuned: &http.Client{}} // want `http.Client without Timeout`
}

func (a *api) setTimeout(d time.Duration) { a.tuned.Timeout = d }

func (a *api) get(u string) (*http.Response, error) {
	if _, err := a.tuned.Get(u); err != nil {
		return nil, err
	}
	return a.http.Get(u)
}

func inMap(u string) {
	clients := map[string]*http.Client{"a": {}} // want `http.Client without Timeout`
	for _, c := range clients {
		c.Get(u)
	}
}

// No context in scope: the requests are timeouts' to report.
func defaults(u string) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)
	http.DefaultClient.Do(req)      // want `http.DefaultClient has no Timeout: the request can wait forever on a slow or stuck server; use an http.Client with Timeout set or a request context with a deadline`
	http.Get(u)                     // want `http.Get uses http.DefaultClient, which has no Timeout`
	http.Head(u)                    // want `http.Head uses http.DefaultClient`
	http.Post(u, "text/plain", nil) // want `http.Post uses http.DefaultClient`
	http.PostForm(u, url.Values{})  // want `http.PostForm uses http.DefaultClient`
	_ = http.DefaultClient.Timeout  // not a request
	http.DefaultClient.CloseIdleConnections()
}

// With a context in scope, reqctx reports the same requests for leaving it
// out, and its fix (the caller's context, with the caller's deadline)
// bounds them too: one defect, one finding, reqctx's. timeouts stands down
// on exactly the calls reqctx reports.
func defaultsWithContext(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", u, nil)
	http.DefaultClient.Do(req)
	req2, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req2)
	http.Get(u)
	http.Head(u)
	http.Post(u, "text/plain", nil)
	http.PostForm(u, url.Values{})
	http.DefaultClient.Get(u)
	c := &http.Client{} // its one send is reqctx's
	c.Get(u)
}

// Where reqctx does not report, the request is timeouts' again: a
// goroutine may outlive the caller's context (reqctx leaves it alone), and
// a directive that silences reqctx says the request is not to carry the
// context, so it can wait forever.
func defaultsReqctxSilent(ctx context.Context, u string) {
	go http.Get(u) // want `http.Get uses http.DefaultClient, which has no Timeout`
	//httpvet:ignore reqctx the request must outlive the caller
	http.Get(u) // want `http.Get uses http.DefaultClient, which has no Timeout`
	//httpvet:ignore reqctx the request must outlive the caller
	http.DefaultClient.Get(u) // want `http.DefaultClient has no Timeout`
}

type lib struct{ client *http.Client }

func newLib(c *http.Client) *lib {
	if c == nil {
		c = http.DefaultClient // a default stored for later: its requests may carry a deadline
	}
	return &lib{client: c}
}

func (l *lib) setClient(c *http.Client) {
	if l.client == nil {
		l.client = http.DefaultClient // likewise
	}
}

func notAFallback(c *http.Client) *http.Client {
	if c != nil {
		c = http.DefaultClient
	}
	return c
}

func callerContext(ctx context.Context, u string) (*http.Response, error) {
	// The caller's context may carry a deadline: silent.
	c := &http.Client{}
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return nil, err
	}
	http.DefaultClient.Do(req)
	return c.Do(req)
}

func withContext(ctx context.Context, u string) (*http.Response, error) {
	c := &http.Client{}
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req.WithContext(ctx))
}

func requestParam(req *http.Request) (*http.Response, error) {
	c := &http.Client{}
	return c.Do(req)
}

func backgroundVar(u string) (*http.Response, error) {
	ctx := context.TODO()
	c := &http.Client{} // want `http.Client without Timeout`
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func reassigned(ctx context.Context, u string) (*http.Response, error) {
	c := &http.Client{}
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return nil, err
	}
	req = req.WithContext(ctx)
	return c.Do(req)
}

type rest struct{ client *http.Client }

// watch streams with the caller's context: a client Timeout would cut
// the stream, the default client is right.
func (r *rest) watch(ctx context.Context, u string) (*http.Response, error) {
	client := r.client
	if client == nil {
		client = http.DefaultClient
	}
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return nil, err
	}
	return client.Do(req)
}

func (r *rest) get(u string) (*http.Response, error) {
	client := r.client
	if client == nil {
		client = http.DefaultClient // want `falling back to http.DefaultClient, which has no Timeout, when no client is given: requests can wait forever on a slow or stuck server; fall back to an http.Client with Timeout set`
	}
	return client.Get(u)
}

func do(ctx context.Context, client *http.Client, req *http.Request) (*http.Response, error) {
	if client == nil {
		client = http.DefaultClient // the request carries the caller's context
	}
	return client.Do(req.WithContext(ctx))
}
