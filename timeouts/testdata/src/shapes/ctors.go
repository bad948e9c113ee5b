package shapes

import (
	"net/http"
	"time"
)

// newServer returns a server it built; its caller serves it without
// setting the timeouts: reported at the construction site.
func newServer(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8080", Handler: h} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
}

func runServer(h http.Handler) error {
	srv := newServer(h)
	return srv.ListenAndServe()
}

// newConfigured's callers set the timeouts: silent.
func newConfigured(h http.Handler) (*http.Server, error) {
	srv := &http.Server{Addr: ":8080", Handler: h}
	return srv, nil
}

func runConfigured(h http.Handler) error {
	srv, err := newConfigured(h)
	if err != nil {
		return err
	}
	srv.ReadHeaderTimeout = 5 * time.Second
	srv.IdleTimeout = time.Minute
	return srv.ListenAndServe()
}

// An unexported constructor nobody calls: silent.
func unused(h http.Handler) *http.Server {
	return &http.Server{Handler: h}
}

// An exported constructor whose callers are not in view: reported at its
// literal, where the fix belongs.
func NewServer(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8080", Handler: h} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
}

// Clients: new(http.Client) then fields, returned.
func newClient() *http.Client {
	c := new(http.Client) // want `http.Client without Timeout`
	c.Transport = http.DefaultTransport
	return c
}

func fetch(u string) error {
	_, err := newClient().Get(u)
	return err
}

func newTimedClient() *http.Client {
	return &http.Client{}
}

func fetchTimed(u string) error {
	c := newTimedClient()
	c.Timeout = 10 * time.Second
	_, err := c.Get(u)
	return err
}

// An exported client constructor whose callers are not in view: not
// reported, the caller may set Timeout, and a constructor that wraps a
// RoundTripper (a fake, a cache, a retrying shim) hands the timeouts to
// it (client-go's fake.CreateHTTPClient, retryablehttp's StandardClient).
func NewClient(rt http.RoundTripper) *http.Client {
	return &http.Client{Transport: rt}
}

// A getter of a stored server: the caller's to configure, not a
// constructor.
type holder struct{ srv *http.Server }

func newHolder(h http.Handler) *holder {
	return &holder{srv: &http.Server{Addr: ":8080", Handler: h}}
}

func (x *holder) Server() *http.Server { return x.srv }

type Holder struct{ h *holder }

func (x *Holder) Server() *http.Server { return x.h.srv }
