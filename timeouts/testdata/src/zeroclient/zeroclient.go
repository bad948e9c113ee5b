// Struct fields of type http.Client: the zero Client has no Timeout.
package zeroclient

import (
	"context"
	"net/http"
	"time"
)

// Bad: nothing ever stores a Client in api.client.
type api struct {
	client http.Client // want `field client is an http.Client that nothing gives a Timeout: the zero Client has none, so requests sent through it \(as at line 18\)`
	base   string
}

func (a *api) get(path string) (*http.Response, error) {
	req, _ := http.NewRequest(http.MethodGet, a.base+path, nil)
	return a.client.Do(req)
}

func (a *api) ping() error {
	resp, err := a.client.Get(a.base + "/ping") // the same field: reported once, above
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Good: the constructor gives it a Timeout.
type timed struct {
	client http.Client
}

func newTimed() *timed {
	return &timed{client: http.Client{Timeout: 10 * time.Second}}
}

func (t *timed) get(u string) (*http.Response, error) { return t.client.Get(u) }

// Good: the Timeout is set on the field.
type setLater struct {
	client http.Client
}

func newSetLater(d time.Duration) *setLater {
	s := &setLater{}
	s.client.Timeout = d
	return s
}

func (s *setLater) get(u string) (*http.Response, error) { return s.client.Get(u) }

// Good: each request carries a context the caller may bound.
type withContext struct {
	client http.Client
}

func (w *withContext) get(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	return w.client.Do(req)
}

// Silent: its address is handed out, so it may be set out of view.
type handed struct {
	client http.Client
}

func configure(c *http.Client) { c.Timeout = time.Minute }

func newHanded() *handed {
	h := &handed{}
	configure(&h.client)
	return h
}

func (h *handed) get(u string) (*http.Response, error) { return h.client.Get(u) }

// Silent: another package can set an exported field of an exported type.
type Service struct {
	Client http.Client
}

func (s *Service) Get(u string) (*http.Response, error) { return s.Client.Get(u) }
