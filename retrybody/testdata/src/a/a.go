package a

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// --- Reported ---

// retryLoop: the classic retry around Do with a POST body.
func retryLoop(c *http.Client, url string, data []byte) (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := c.Do(req) // want `this Do runs again on the same request after it consumed the body of req, so a retry sends an empty body or fails; reset req.Body from req.GetBody before each attempt or build a new request per attempt`
		if err == nil {
			return resp, nil
		}
		time.Sleep(time.Second)
	}
	return nil, errors.New("gave up")
}

// backoff429: a 429 handler that loops with continue.
func backoff429(ctx context.Context, c *http.Client, url, payload string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "PUT", url, strings.NewReader(payload))
	if err != nil {
		return nil, err
	}
	for {
		resp, err := c.Do(req) // want `this Do runs again on the same request`
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			resp.Body.Close()
			time.Sleep(time.Second)
			continue
		}
		return resp, nil
	}
}

// gotoRetry: a goto back to the send.
func gotoRetry(c *http.Client, url string, body io.Reader) (*http.Response, error) {
	req, err := http.NewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	tries := 0
retry:
	resp, err := c.Do(req) // want `this Do runs again on the same request after it consumed the body of req, so a retry sends an empty body or fails; give req a new body before each attempt or build a new request per attempt`
	if err != nil && tries < 3 {
		tries++
		goto retry
	}
	return resp, err
}

// unauthorized: a 401 handler that refreshes a token and re-sends.
func unauthorized(c *http.Client, url string, buf *bytes.Buffer, refresh func() string) (*http.Response, error) {
	req, err := http.NewRequest("POST", url, buf)
	if err != nil {
		return nil, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		resp.Body.Close()
		req.Header.Set("Authorization", "Bearer "+refresh())
		return c.Do(req) // want `this Do sends req again after the Do at line 74 consumed its body, so it sends an empty body or fails; reset req.Body from req.GetBody before it, or build a new request`
	}
	return resp, nil
}

// roundTrip: a RoundTripper that retries its own requests.
type retryTransport struct{ next http.RoundTripper }

func (t retryTransport) RoundTrip(req *http.Request) (*http.Response, error) { // want RoundTrip:"sends req, resends req"
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = t.next.RoundTrip(req)
		if err == nil {
			break
		}
	}
	return resp, err
}

func useTransport(t retryTransport) {
	req, _ := http.NewRequest("POST", "http://x", strings.NewReader("x"))
	t.RoundTrip(req) // want `RoundTrip sends req again in a loop without resetting its body`
}

// literal: a request built as a literal with a body.
func literal(c *http.Client, rc io.ReadCloser) {
	req := &http.Request{Method: "POST", Body: rc}
	for i := 0; i < 2; i++ {
		c.Do(req) // want `this Do runs again`
	}
}

// bodyAssigned: a body assigned once, before the loop.
func bodyAssigned(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, nil)
	req.Body = io.NopCloser(bytes.NewReader(data))
	for i := 0; i < 2; i++ {
		c.Do(req) // want `this Do runs again`
	}
}

// withContext: a shallow copy shares the body.
func withContext(ctx context.Context, c *http.Client, url string) {
	req, _ := http.NewRequest("POST", url, strings.NewReader("x"))
	for i := 0; i < 2; i++ {
		resp, err := c.Do(req.WithContext(ctx)) // want `this Do runs again on the same request after it consumed the body of req`
		if err == nil {
			resp.Body.Close()
			return
		}
	}
}

// reassignedCopy: req = req.WithContext(ctx) keeps the body.
func reassignedCopy(ctx context.Context, c *http.Client, url string) {
	req, _ := http.NewRequest("POST", url, strings.NewReader("x"))
	for i := 0; i < 2; i++ {
		req = req.WithContext(ctx)
		if _, err := c.Do(req); err == nil { // want `this Do runs again`
			return
		}
	}
}

// doer: an interface Do, and a function value of Do's signature.
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

func viaInterface(d doer, send func(*http.Request) (*http.Response, error), url string) {
	req, _ := http.NewRequest("POST", url, strings.NewReader("x"))
	for i := 0; i < 2; i++ {
		d.Do(req) // want `this Do runs again`
	}
	req2, _ := http.NewRequest("POST", url, strings.NewReader("x"))
	for i := 0; i < 2; i++ {
		send(req2) // want `this call of send runs again`
	}
}

// mayHaveBody: the body is nil on one path only.
func mayHaveBody(c *http.Client, url string, data []byte) {
	var body io.Reader
	if data != nil {
		body = bytes.NewReader(data)
	}
	req, _ := http.NewRequest("POST", url, body)
	for i := 0; i < 2; i++ {
		c.Do(req) // want `this Do runs again`
	}
}

// --- Not reported ---

func nilBody(c *http.Client, url string) {
	req, _ := http.NewRequest("POST", url, nil)
	for i := 0; i < 3; i++ {
		c.Do(req)
	}
}

func noBody(c *http.Client, url string) {
	req, _ := http.NewRequest("POST", url, http.NoBody)
	for i := 0; i < 3; i++ {
		c.Do(req)
	}
}

func getNil(c *http.Client, url string) {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	for {
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
			return
		}
	}
}

func emptyReader(c *http.Client, url string) {
	req, _ := http.NewRequest("POST", url, strings.NewReader(""))
	for i := 0; i < 3; i++ {
		c.Do(req)
	}
}

// freshPerAttempt: a new request each time.
func freshPerAttempt(c *http.Client, url string, data []byte) {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
		if _, err := c.Do(req); err == nil {
			return
		}
	}
}

// rebuilt: the request variable is built again before the re-send.
func rebuilt(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		if _, err := c.Do(req); err == nil {
			return
		}
		req, _ = http.NewRequest("POST", url, bytes.NewReader(data))
	}
}

// bodyReassigned: req.Body set again before each attempt.
func bodyReassigned(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		req.Body = io.NopCloser(bytes.NewReader(data))
		c.Do(req)
	}
}

// getBodyReset: the fix's own shape.
func getBodyReset(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		if req.GetBody != nil {
			req.Body, _ = req.GetBody()
		}
		c.Do(req)
	}
}

// getBodyAfter: reset after a failed attempt.
func getBodyAfter(c *http.Client, url string, data []byte) error {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		if _, err := c.Do(req); err == nil {
			return nil
		}
		body, err := req.GetBody()
		if err != nil {
			return err
		}
		req.Body = body
	}
	return nil
}

// seekBack: the reader under the body is rewound.
func seekBack(c *http.Client, url string, data []byte) {
	r := bytes.NewReader(data)
	req, _ := http.NewRequest("POST", url, r)
	for i := 0; i < 3; i++ {
		r.Seek(0, io.SeekStart)
		c.Do(req)
	}
}

// onceOnly: no path sends twice.
func onceOnly(c *http.Client, urls []string, data []byte) {
	for _, u := range urls {
		req, _ := http.NewRequest("POST", u, bytes.NewReader(data))
		resp, err := c.Do(req)
		if err != nil {
			fmt.Println(err)
			continue
		}
		resp.Body.Close()
	}
}

// rangeRequests: each iteration has its own request.
func rangeRequests(c *http.Client, reqs []*http.Request) {
	for _, req := range reqs {
		c.Do(req)
	}
}

// returnsAfterSend: the loop exits after every send.
func returnsAfterSend(c *http.Client, url string, data []byte) (*http.Response, error) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		if i > 0 {
			break
		}
		return c.Do(req)
	}
	return nil, nil
}

// passedOn: a function the analysis cannot see into gets the request
// between the sends (a signer may reset the body).
func passedOn(c *http.Client, url string, data []byte, sign func(*http.Request)) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		sign(req)
		c.Do(req)
	}
}

// closure: a closure may give the request another body.
func closure(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	reset := func() { req.Body = io.NopCloser(bytes.NewReader(data)) }
	for i := 0; i < 3; i++ {
		reset()
		c.Do(req)
	}
}

// headersOnly: setting a header is not a reset, but the request comes
// from a parameter: its callers are checked (the function carries a fact).
func headersOnly(c *http.Client, req *http.Request) { // want headersOnly:"sends req, resends req"
	for i := 0; i < 3; i++ {
		req.Header.Set("X-Attempt", fmt.Sprint(i))
		c.Do(req)
	}
}

// freshClone: Clone then a new body: fine.
func freshClone(ctx context.Context, c *http.Client, req *http.Request, data []byte) { // want freshClone:"sends req"
	c.Do(req)
	for i := 0; i < 3; i++ {
		r := req.Clone(ctx)
		r.Body = io.NopCloser(bytes.NewReader(data))
		c.Do(r)
	}
}

// goroutines: sends in a closure are not followed.
func goroutines(c *http.Client, url string) {
	req, _ := http.NewRequest("POST", url, strings.NewReader("x"))
	for i := 0; i < 3; i++ {
		go func() { c.Do(req) }()
	}
}

type payload struct {
	Body  io.Reader
	Bytes []byte
}

// fieldBodySeek: the body's reader is held by a field, and rewound.
func fieldBodySeek(c *http.Client, url string, p *payload) {
	req, _ := http.NewRequest("POST", url, p.Body)
	for i := 0; i < 3; i++ {
		p.Body.(io.Seeker).Seek(0, io.SeekStart)
		c.Do(req)
	}
}

// fieldBodyOther: other fields of what holds the body do not rewind it.
func fieldBodyOther(c *http.Client, url string, p *payload) {
	req, _ := http.NewRequest("POST", url, p.Body)
	resp, err := c.Do(req)
	if err == nil && resp.StatusCode == http.StatusTemporaryRedirect {
		p.Bytes = nil
		c.Do(req) // want `this Do sends req again after the Do at line \d+ consumed its body, so it sends an empty body or fails; give req a new body before it, or do not send it again when its body cannot be rewound`
	}
}

// pages: the same search body for every page: only the URL changes.
func pages(c *http.Client, url string, query []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(query))
	for page := 1; page < 10; page++ {
		req.URL.RawQuery = fmt.Sprintf("page=%d", page)
		resp, err := c.Do(req) // want `this Do runs again`
		if err != nil {
			return
		}
		resp.Body.Close()
	}
}

// mirrors: one request sent to each mirror in turn.
func mirrors(c *http.Client, hosts []string, data []byte) {
	req, _ := http.NewRequest("POST", "http://primary/upload", bytes.NewReader(data))
	for _, h := range hosts {
		req.URL.Host = h
		req.Host = h
		if _, err := c.Do(req); err == nil { // want `this Do runs again`
			return
		}
	}
}

// ticker: a request built once and sent on every tick.
func ticker(ctx context.Context, c *http.Client, url string, tick <-chan time.Time) {
	req, _ := http.NewRequestWithContext(ctx, "POST", url, strings.NewReader(`{"alive":true}`))
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
			c.Do(req) // want `this Do runs again`
		}
	}
}

// deferred and concurrent sends are not followed.
func deferred(c *http.Client, url string) {
	req, _ := http.NewRequest("POST", url, strings.NewReader("x"))
	for i := 0; i < 3; i++ {
		defer c.Do(req)
	}
}

// printed: printing the request is not a reset.
func printed(c *http.Client, url string) {
	req, _ := http.NewRequest("POST", url, strings.NewReader("x"))
	for i := 0; i < 3; i++ {
		fmt.Println(req, req.Context())
		c.Do(req) // want `this Do runs again`
	}
}

// stored: the request stored in a struct may be rebuilt out of sight.
type holder struct{ req *http.Request }

func stored(c *http.Client, url string, h *holder, refresh func(*holder)) {
	req, _ := http.NewRequest("POST", url, strings.NewReader("x"))
	h.req = req
	for i := 0; i < 3; i++ {
		refresh(h)
		c.Do(req)
	}
}

// nilVar: the body variable is nil on every path.
func nilVar(c *http.Client, url string) {
	var body io.Reader
	req, _ := http.NewRequest("GET", url, body)
	for i := 0; i < 3; i++ {
		c.Do(req)
	}
	var empty io.Reader = http.NoBody
	req2, _ := http.NewRequest("GET", url, empty)
	for i := 0; i < 3; i++ {
		c.Do(req2)
	}
}

// nilVarSometimes: the body variable holds a reader on one path.
func nilVarSometimes(c *http.Client, url string, data []byte) {
	var body io.Reader
	if len(data) > 0 {
		body = bytes.NewReader(data)
	}
	req, _ := http.NewRequest("POST", url, body)
	for i := 0; i < 3; i++ {
		c.Do(req) // want `this Do runs again`
	}
}

// nilVarFilled: its address is taken: it may hold a reader.
func nilVarFilled(c *http.Client, url string, fill func(*io.Reader)) {
	var body io.Reader
	fill(&body)
	req, _ := http.NewRequest("POST", url, body)
	for i := 0; i < 3; i++ {
		c.Do(req) // want `this Do runs again`
	}
}

// conditionalReset: the body is given again under a condition inside the
// attempt loop: the path that skips it is the one without a body.
func conditionalReset(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, nil)
	for i := 0; i < 3; i++ {
		if data != nil {
			req.Body = io.NopCloser(bytes.NewReader(data))
		}
		c.Do(req)
	}
}

// outerLoop: a request per item, but the inner retry loop re-sends it.
func outerLoop(c *http.Client, url string, items [][]byte) {
	for _, item := range items {
		req, _ := http.NewRequest("POST", url, bytes.NewReader(item))
		for try := 0; try < 3; try++ {
			if _, err := c.Do(req); err == nil { // want `this Do runs again`
				break
			}
		}
	}
}
