// Package held: a response's Close comes from a send. Responses a
// function holds — a field, what an interface method given nothing to
// send returns — are not its callers' to close.
package held

import (
	"context"
	"net/http"
)

// A PollingHandler polls a long-running operation; Poll is given nothing
// to send: it hands out the latest response it has.
type PollingHandler interface {
	Done() bool
	Poll(context.Context) (*http.Response, error)
}

type Poller struct {
	op   PollingHandler
	resp *http.Response
}

// Poll returns the field, or what the handler gives, which it keeps.
func (p *Poller) Poll(ctx context.Context) (resp *http.Response, err error) { // want Poll:`closedResult`
	if p.op.Done() {
		resp = p.resp
		return
	}
	resp, err = p.op.Poll(ctx)
	if err != nil {
		return
	}
	p.resp = resp
	return
}

// PollUntilDone polls in a loop and never closes: the handler owns what
// it hands out.
func (p *Poller) PollUntilDone(ctx context.Context) error {
	for {
		resp, err := p.Poll(ctx)
		if err != nil {
			return err
		}
		if p.op.Done() || resp.StatusCode != http.StatusAccepted {
			return nil
		}
	}
}

func pollOnce(ctx context.Context, h PollingHandler) int {
	resp, err := h.Poll(ctx)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

// Result keeps the response of an operation; Raw is its accessor.
type Result struct{ raw *http.Response }

func (r *Result) Raw() *http.Response { return r.raw } // want Raw:`closedResult`

func status(r *Result) int { return r.Raw().StatusCode }

// A Doer is given a request: it sends, and its caller must close.
type Doer interface {
	Do(*http.Request) (*http.Response, error)
}

func doerDiscarded(d Doer, req *http.Request) error {
	_, err := d.Do(req) // want `response of d.Do is discarded`
	return err
}

// A Getter mirrors http.Client.Get: given a URL, it sends.
type Getter interface {
	Get(url string) (*http.Response, error)
}

func getterNotClosed(g Getter) (int, error) {
	resp, err := g.Get("http://example.com") // want `not closed on every path`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Client keeps the last response, set from a send of its own: that field
// is not held, its callers must close what Last returns.
type Client struct {
	hc   *http.Client
	last *http.Response
}

func (c *Client) Send(req *http.Request) (*http.Response, error) {
	var err error
	c.last, err = c.hc.Do(req)
	return c.last, err
}

func sendNotClosed(c *Client, req *http.Request) (int, error) {
	resp, err := c.Send(req) // want `not closed on every path`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A closure carries its request: a thunk given nothing still sends.
func retry(do func() (*http.Response, error)) (*http.Response, error) {
	return do()
}

func retriedNotClosed(req *http.Request) (int, error) {
	resp, err := retry(func() (*http.Response, error) { return http.DefaultClient.Do(req) }) // want `not closed on every path`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// A Storage of recorded responses: Match is given a request but cannot
// fail, so it sends nothing; it returns what it recorded.
type Storage interface {
	Match(*http.Request) *http.Response // want Match:`closedResult`
}

type Fixture struct {
	match           func(*http.Request) *http.Response
	processResponse func(*http.Response) *http.Response
}

func NewFixture(s Storage) *Fixture {
	return &Fixture{match: s.Match, processResponse: func(r *http.Response) *http.Response { return r }}
}

func (f *Fixture) Match(req *http.Request) *http.Response { // want Match:`closedResult`
	if res := f.match(req); res != nil {
		return f.processResponse(res)
	}
	return nil
}

func recorded(f *Fixture, s Storage, req *http.Request) bool {
	if exists := f.Match(req); exists != nil {
		return true
	}
	return s.Match(req) != nil
}
