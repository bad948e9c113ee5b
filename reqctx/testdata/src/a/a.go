package a

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"time"
)

// --- positives ---

func newRequest(ctx context.Context, u string) error {
	req, err := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx, which is in scope, so cancelling ctx does not stop it; use http.NewRequestWithContext\(ctx, …\)`
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func get(ctx context.Context, u string) error {
	resp, err := http.Get(u) // want `http.Get sends a request without ctx, which is in scope`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func clientMethods(ctx context.Context, c *http.Client, u string, v url.Values) {
	c.Head(u)                       // want `Client.Head sends a request without ctx`
	c.Post(u, "text/plain", nil)    // want `Client.Post sends a request without ctx`
	c.PostForm(u, v)                // want `Client.PostForm sends a request without ctx`
	http.PostForm(u, v)             // want `http.PostForm sends a request without ctx`
	http.Post(u, "text/plain", nil) // want `http.Post sends a request without ctx`
}

func background(ctx context.Context, u string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(context.Background(), "GET", u, nil) // want `context.Background\(\) detaches this request from ctx, which is in scope, so cancelling ctx does not stop it; pass ctx, or context.WithoutCancel\(ctx\) if the request must outlive it`
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func todoWithContext(ctx context.Context, req *http.Request) (*http.Response, error) { // want todoWithContext:"attachesContext"
	return http.DefaultClient.Do(req.WithContext(context.TODO())) // want `context.TODO\(\) detaches this request from ctx`
}

// A local derived from the parameter is the context in scope.
func derived(ctx context.Context, u string) error {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	resp, err := http.Get(u) // want `http.Get sends a request without ctx`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A local context with a deadline, built for this request and forgotten.
func localTimeout(u string) error {
	tctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = tctx
	req, err := http.NewRequest("GET", u, nil) // want `without tctx`
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

type server struct {
	ctx    context.Context
	client *http.Client
}

// A receiver's context is not reported: it belongs to the call that
// built the value, which may be over.
func (s *server) poll(u string) {
	resp, err := s.client.Get(u)
	if err == nil {
		resp.Body.Close()
	}
}

// Two contexts: named, no fix.
func two(ctx, other context.Context, u string) {
	http.Get(u) // want `http.Get sends a request without a context while ctx and other are in scope`
}

// Sent to a function that neither takes nor attaches a context.
func sendPlain(req *http.Request) (*http.Response, error) { // want sendPlain:"sendsRequest"
	return http.DefaultClient.Do(req)
}

func viaPlain(ctx context.Context, u string) {
	req, _ := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx`
	sendPlain(req)
}

// --- always reported ---

func discarded(ctx context.Context, req *http.Request) (*http.Response, error) { // want discarded:"sendsRequest"
	req.WithContext(ctx) // want `req.WithContext returns a new request and leaves req unchanged, so this context is lost; assign the result: req = req.WithContext\(ctx\)`
	return http.DefaultClient.Do(req)
}

func nilContext(u string) {
	http.NewRequestWithContext(nil, "GET", u, nil) // want `http.NewRequestWithContext with a nil context: it returns the error "net/http: nil Context"; pass the caller's context, or context.TODO\(\)`
}

func nilWithContext(ctx context.Context, req *http.Request) *http.Request { // want nilWithContext:"attachesContext"
	return req.WithContext(nil) // want `req.WithContext with a nil context: it panics; pass ctx`
}

func cancelChannel(u string, stop chan struct{}) {
	req, _ := http.NewRequest("GET", u, nil)
	req.Cancel = stop               // want `Request.Cancel is deprecated`
	_ = &http.Request{Cancel: stop} // want `Request.Cancel is deprecated`
	http.DefaultClient.Do(req)
}

// --- not reported ---

// No context in scope: only -reqctx.all reports it.
func noContext(u string) {
	http.Get(u)
	req, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req)
}

func withContext(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	http.DefaultClient.Do(req)
}

func attachedLater(ctx context.Context, u string) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return
	}
	req = req.WithContext(ctx)
	http.DefaultClient.Do(req)
}

func cloned(ctx context.Context, u string) {
	req, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req.Clone(ctx))
}

// A client whose Do takes the context (go-github's shape).
type apiClient struct{}

func (apiClient) Do(ctx context.Context, req *http.Request) error { return nil }

func passedWithContext(ctx context.Context, c apiClient, u string) {
	req, _ := http.NewRequest("GET", u, nil)
	c.Do(ctx, req)
}

// A function that attaches its own context to the request it is given.
type ctxClient struct{ ctx context.Context }

func (c *ctxClient) send(req *http.Request) (*http.Response, error) { // want send:"attachesContext"
	return http.DefaultClient.Do(req.WithContext(c.ctx))
}

func viaAttaching(ctx context.Context, c *ctxClient, u string) {
	req, _ := http.NewRequest("GET", u, nil)
	c.send(req)
}

func passedIn(ctx context.Context, req *http.Request) (*http.Response, error) { // want passedIn:"sendsRequest"
	return http.DefaultClient.Do(req)
}

// Stored or captured: it may get a context out of sight.
type job struct{ req *http.Request }

func stored(ctx context.Context, u string) *job {
	req, _ := http.NewRequest("GET", u, nil)
	return &job{req: req}
}

func captured(ctx context.Context, u string) func() {
	req, _ := http.NewRequest("GET", u, nil)
	return func() { http.DefaultClient.Do(req.WithContext(ctx)) }
}

// A goroutine outlives the handler: its context would be cancelled.
func goroutine(ctx context.Context, u string) {
	go func() {
		http.Get(u)
	}()
}

// Cleanup after cancellation must not use the cancelled context.
func afterDone(ctx context.Context, u string) {
	<-ctx.Done()
	http.Post(u, "text/plain", strings.NewReader("bye"))
}

func inDoneCase(ctx context.Context, u string, tick <-chan time.Time) {
	for {
		select {
		case <-ctx.Done():
			http.Post(u, "text/plain", nil)
			return
		case <-tick:
		}
	}
}

func inErrBranch(ctx context.Context, u string) {
	if ctx.Err() != nil {
		http.Get(u)
	}
}

func afterCancel(ctx context.Context, u string) {
	ctx, cancel := context.WithTimeout(ctx, time.Second)
	work(ctx)
	cancel()
	http.Get(u)
}

func work(context.Context) {}

// The select's comm statements are not on the request's path.
func afterSelect(ctx context.Context, u string, tick <-chan time.Time) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
		http.Get(u) // want `http.Get sends a request without ctx`
	}
}

// A local holding context.Background() carries nothing.
func localBackground(u string) {
	ctx := context.Background()
	req, _ := http.NewRequest("GET", u, nil)
	http.DefaultClient.Do(req.WithContext(ctx))
	http.Get(u)
}

// A request's own context is not a context.Context variable.
func handler(w http.ResponseWriter, r *http.Request) {
	resp, err := http.Get("http://backend/")
	if err == nil {
		io.Copy(w, resp.Body)
		resp.Body.Close()
	}
}

// An unexported helper whose callers all attach a context.
func newReq(ctx context.Context, u string) (*http.Request, error) {
	return http.NewRequest("GET", u, nil)
}

func useNewReq(ctx context.Context, u string) {
	req, err := newReq(ctx, u)
	if err != nil {
		return
	}
	req = req.WithContext(ctx)
	http.DefaultClient.Do(req)
}

type API struct{}

// An exported builder whose callers in the package all give its request a
// context where they send it (a client's Do(ctx, req)): callers elsewhere
// are out of view. Not reported.
func (c *API) NewRequest(ctx context.Context, u string) (*http.Request, error) {
	return http.NewRequest("GET", u, nil)
}

func (c *API) Do(ctx context.Context, req *http.Request) (*http.Response, error) { // want Do:"attachesContext"
	return http.DefaultClient.Do(req.WithContext(ctx))
}

func (c *API) Fetch(ctx context.Context, u string) error {
	req, err := c.NewRequest(ctx, u)
	if err != nil {
		return err
	}
	resp, err := c.Do(ctx, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A builder of a builder: its request is returned to callers that give
// it a context.
func (c *API) newForm(ctx context.Context, u string) (*http.Request, error) {
	req, err := c.NewRequest(ctx, u)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req, nil
}

func (c *API) Submit(ctx context.Context, u string) error {
	req, err := c.newForm(ctx, u)
	if err != nil {
		return err
	}
	resp, err := c.Do(ctx, req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// An exported builder the package never uses: reported, as nothing shows
// its requests get a context.
func NewBareRequest(ctx context.Context, u string) (*http.Request, error) {
	return http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx`
}

// An unexported helper with a context and a caller that does not attach
// it: the helper ignores its context.
func build(ctx context.Context, u string) (*http.Request, error) {
	return http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx`
}

func useBuild(ctx context.Context, u string) {
	req, _ := build(ctx, u)
	http.DefaultClient.Do(req)
}

// A helper without a context: its callers are checked.
func plain(u string) (*http.Request, error) { // want plain:"bareRequest"
	return http.NewRequest("GET", u, nil)
}

func usePlain(ctx context.Context, u string) {
	req, err := plain(u) // want `plain returns a request without a context and it is sent without ctx`
	if err != nil {
		return
	}
	http.DefaultClient.Do(req)
}

func usePlainAttached(ctx context.Context, u string) {
	req, err := plain(u)
	if err != nil {
		return
	}
	http.DefaultClient.Do(req.WithContext(ctx))
}

// A value receiver's WithContext statement is still discarded.
func valueReq(ctx context.Context, r http.Request) {
	r.WithContext(ctx) // want `req.WithContext returns a new request`
}

// A proxy copying Cancel from the request it forwards.
func copyCancel(in, out *http.Request) {
	out.Cancel = in.Cancel
	out.Cancel = nil
}

// A request built to be signed, never sent (oauth2's AWS credential
// source serializes a signed request): not reported.
func sign(req *http.Request) { req.Header.Set("Authorization", "sig") }

func signed(ctx context.Context, u string) string {
	req, _ := http.NewRequest("POST", u, nil)
	sign(req)
	return req.Header.Get("Authorization")
}

// Sent through an interface with Client.Do's signature, or an unexported
// do(req) helper: sent.
type doer interface {
	Do(*http.Request) (*http.Response, error)
}

func viaDoer(ctx context.Context, d doer, u string) {
	req, _ := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx`
	d.Do(req)
}

type minioLike struct{ hc *http.Client }

func (c *minioLike) do(req *http.Request) (*http.Response, error) { // want do:"sendsRequest"
	return c.hc.Do(req)
}

func (c *minioLike) fanOut(ctx context.Context, u string) {
	req, err := http.NewRequest(http.MethodPost, u, nil) // want `http.NewRequest builds a request without ctx`
	if err != nil {
		return
	}
	c.do(req)
}

// Passed to an interface method of another shape: out of sight.
type queue interface{ Push(*http.Request) }

func queued(ctx context.Context, q queue, u string) {
	req, _ := http.NewRequest("GET", u, nil)
	q.Push(req)
}

// Deferred cleanup runs even when ctx is done; a go statement outlives
// the function: neither is reported.
func deferred(ctx context.Context, lockURL string) {
	defer http.Post(lockURL+"/unlock", "text/plain", nil)
	go http.Get(lockURL + "/ping")
}

// An unnamed or blank context parameter: the author chose not to use it.
func unnamed(context.Context, string) {
	http.Get("http://example.com/")
}

func blank(_ context.Context, u string) {
	http.Get(u)
}

// A request dumped, not sent.
func dumped(ctx context.Context, u string, w io.Writer) {
	req, _ := http.NewRequest("GET", u, nil)
	req.Write(w)
}

// Several contexts, and one of them shadowed by a non-context.
func shadowed(ctx context.Context, u string) {
	{
		ctx := 1
		_ = ctx
		http.Get(u)
	}
}

// The branch asks whether a context is done in other ways.
func errFromCtx(ctx context.Context, u string) {
	err := ctx.Err()
	if err != nil {
		http.Get(u)
	}
	if err := ctx.Err(); err != nil {
		http.Get(u)
	}
}

func afterCancelled(ctx context.Context, u string, err error) {
	if errors.Is(err, context.Canceled) {
		http.Post(u, "text/plain", nil) // report the cancellation
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		http.Post(u, "text/plain", nil)
	}
}

// Generic functions are checked like the others.
func generic[T any](ctx context.Context, u string, v T) {
	http.Get(u) // want `http.Get sends a request without ctx`
}

func useGeneric[C context.Context](c C, u string) {
	http.Get(u) // a type parameter is not context.Context itself
}

// A value bag over Background cannot be cancelled either.
type key struct{}

func valueBag(u string) {
	ctx := context.WithValue(context.Background(), key{}, 1)
	vctx := context.WithValue(ctx, key{}, 2)
	_ = vctx
	http.Get(u)
}

// A detached copy of the caller's context is a context in scope, next to
// the caller's: named, no fix.
func detached(ctx context.Context, u string) {
	bg := context.WithoutCancel(ctx)
	_ = bg
	http.Get(u) // want `http.Get sends a request without a context while bg and ctx are in scope`
}

// A child of the parameter carries it: the request belongs to the child.
func child(ctx context.Context, u string) {
	reqCtx, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	vctx := context.WithValue(reqCtx, key{}, 1)
	http.Get(u) // want `http.Get sends a request without vctx, which is in scope`
}

// A context derived from the request's own adds values, not ctx: the
// request still cannot be cancelled.
func ownContextValue(ctx context.Context, u string) {
	req, _ := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx, which is in scope`
	req = req.WithContext(context.WithValue(req.Context(), key{}, 1))
	http.DefaultClient.Do(req)
}

func ownContextTrace(ctx context.Context, u string, trace *httptrace.ClientTrace) {
	req, _ := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx, which is in scope`
	http.DefaultClient.Do(req.WithContext(httptrace.WithClientTrace(req.Context(), trace)))
}

// A helper that only adds a trace to the request's own context gives it
// no context: its callers are reported.
func withTrace(req *http.Request, trace *httptrace.ClientTrace) *http.Request {
	return req.Clone(httptrace.WithClientTrace(req.Context(), trace))
}

func tracedHelper(ctx context.Context, u string, trace *httptrace.ClientTrace) {
	req, _ := http.NewRequest("GET", u, nil) // want `http.NewRequest builds a request without ctx, which is in scope`
	req = withTrace(req, trace)
	http.DefaultClient.Do(req)
}

// Not reported: values added to ctx, a context given before the values,
// and a deadline derived from the request's own context.
func valuesOverCtx(ctx context.Context, u string) {
	req, _ := http.NewRequest("GET", u, nil)
	req = req.WithContext(context.WithValue(ctx, key{}, 1))
	http.DefaultClient.Do(req)
}

func ctxThenValues(ctx context.Context, u string, trace *httptrace.ClientTrace) {
	req, _ := http.NewRequest("GET", u, nil)
	req = req.WithContext(ctx)
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), trace))
	http.DefaultClient.Do(req)
}

func ownDeadline(ctx context.Context, u string) {
	req, _ := http.NewRequest("GET", u, nil)
	tctx, cancel := context.WithTimeout(req.Context(), time.Second)
	defer cancel()
	http.DefaultClient.Do(req.WithContext(tctx))
}
