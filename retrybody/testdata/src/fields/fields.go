// Requests kept in fields of the package's own struct types: the body is
// what the package stores there (engine.Index.FieldStores).
package fields

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

// An uploader keeps the request its constructor built.
type uploader struct {
	client *http.Client
	req    *http.Request
	data   []byte
}

func newUploader(u string, data []byte) (*uploader, error) {
	req, err := http.NewRequest(http.MethodPost, u, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return &uploader{client: http.DefaultClient, req: req, data: data}, nil
}

// Bad: every attempt after the first sends the consumed reader.
func (up *uploader) send() error {
	for i := 0; i < 3; i++ {
		resp, err := up.client.Do(up.req) // want `this Do runs again on the same request after it consumed the body of up.req, so a retry sends an empty body or fails; reset up.req.Body from up.req.GetBody before each attempt`
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("upload failed")
}

// Good: the loop gives the request its body again on each attempt.
func (up *uploader) sendFixed() error {
	for i := 0; i < 3; i++ {
		up.req.Body = io.NopCloser(bytes.NewReader(up.data))
		resp, err := up.client.Do(up.req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("upload failed")
}

// A batch builds its request in one method and sends it in another,
// again after a 401.
type batch struct {
	request *http.Request
	token   func() string
}

func (b *batch) prepare(u, payload string) error {
	var err error
	b.request, err = http.NewRequest(http.MethodPost, u, strings.NewReader(payload))
	return err
}

func (b *batch) flush(c *http.Client) (*http.Response, error) {
	resp, err := c.Do(b.request)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	resp.Body.Close()
	b.request.Header.Set("Authorization", b.token())
	return c.Do(b.request) // want `this Do sends b.request again after the Do at line 70 consumed its body, so it sends an empty body or fails; reset b.request.Body from b.request.GetBody before it`
}

// A poller keeps a GET: no body to consume.
type poller struct {
	req *http.Request
}

func newPoller(u string) *poller {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	return &poller{req: req}
}

func (p *poller) poll(c *http.Client) {
	for {
		resp, err := c.Do(p.req)
		if err == nil {
			resp.Body.Close()
		}
		time.Sleep(time.Minute)
	}
}

// A request set per attempt in the field: a new one each time.
type perAttempt struct {
	req *http.Request
}

func (p *perAttempt) send(c *http.Client, u string, data []byte) {
	for i := 0; i < 3; i++ {
		p.req, _ = http.NewRequest(http.MethodPost, u, bytes.NewReader(data))
		resp, err := c.Do(p.req)
		if err == nil {
			resp.Body.Close()
			return
		}
	}
}

// Job is a type other packages can name: its exported field may hold
// any request.
type Job struct {
	Req *http.Request
}

func NewJob(u string, data []byte) *Job {
	req, _ := http.NewRequest(http.MethodPost, u, bytes.NewReader(data))
	return &Job{Req: req}
}

func (j *Job) Run(c *http.Client) {
	for i := 0; i < 3; i++ {
		if resp, err := c.Do(j.Req); err == nil {
			resp.Body.Close()
			return
		}
	}
}

// A field whose address is taken may be set where the analysis cannot
// see.
type handed struct {
	req *http.Request
}

func newHanded(u string, data []byte, fill func(**http.Request)) *handed {
	h := &handed{}
	h.req, _ = http.NewRequest(http.MethodPost, u, bytes.NewReader(data))
	fill(&h.req)
	return h
}

func (h *handed) run(c *http.Client) {
	for i := 0; i < 3; i++ {
		if resp, err := c.Do(h.req); err == nil {
			resp.Body.Close()
			return
		}
	}
}

// A request handed in by the caller: what it carries is not known here.
type relay struct {
	req *http.Request
}

func newRelay(req *http.Request) *relay { return &relay{req: req} }

func (r *relay) run(c *http.Client) {
	for i := 0; i < 3; i++ {
		if resp, err := c.Do(r.req); err == nil {
			resp.Body.Close()
			return
		}
	}
}

// A request held by a value of the package's own type, handed to the
// function that re-sends it: whoever calls it, the field holds what the
// package stored, a request with a body.
type envelope struct {
	Request *http.Request
	raw     []byte
}

func newEnvelopes(u string, raw []byte) []envelope {
	req, _ := http.NewRequest(http.MethodPost, u, bytes.NewBuffer(raw))
	return []envelope{{Request: req, raw: raw}}
}

func post(c *http.Client, req *http.Request) error { // want post:"sends req"
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Bad: the back-off loop posts the consumed buffer again.
func deliver(c *http.Client, e envelope) {
	for i := 0; i < 5; i++ {
		if post(c, e.Request) == nil { // want `this call of post runs again on the same request after it consumed the body of e.Request`
			return
		}
		time.Sleep(time.Duration(1<<i) * time.Second)
	}
}

// Good: the body is attached again before each attempt.
func deliverFixed(c *http.Client, e envelope) {
	for i := 0; i < 5; i++ {
		e.Request.Body = io.NopCloser(bytes.NewReader(e.raw))
		if post(c, e.Request) == nil {
			return
		}
		time.Sleep(time.Duration(1<<i) * time.Second)
	}
}

func deliverAll(c *http.Client, u string, raw []byte) {
	for _, e := range newEnvelopes(u, raw) {
		deliver(c, e)
		deliverFixed(c, e)
	}
}
