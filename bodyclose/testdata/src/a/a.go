package a

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

// ---- leaks ----

func noClose(url string) error {
	resp, err := http.Get(url) // want `response body of http.Get is not closed on every path, so the connection leaks at the return on line 21; add defer resp.Body.Close\(\) after the error check`
	if err != nil {
		return err
	}
	fmt.Println(resp.StatusCode)
	return nil
}

func closedInOneBranch(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `response body of c.Do is not closed on every path, so the connection leaks at the return on line 33`
	if err != nil {
		return err
	}
	if resp.StatusCode == 200 {
		resp.Body.Close()
		return nil
	}
	return errors.New("bad status")
}

func earlyReturnBeforeDefer(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `not closed on every path, so the connection leaks at the return on line 42`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

func failedDecode(c *http.Client, req *http.Request, v any) error {
	resp, err := c.Do(req) // want `leaks at the return on line 55`
	if err != nil {
		return err
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

func switchDefault(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req) // want `leaks at the return on line 74`
	if err != nil {
		return 0, err
	}
	switch resp.StatusCode {
	case 200:
		defer resp.Body.Close()
		return 1, nil
	case 404:
		resp.Body.Close()
		return 0, nil
	default:
		return 0, errors.New("unexpected")
	}
}

func fallOff(url string) {
	resp, err := http.Get(url) // want `leaks at the end of the function`
	if err != nil {
		return
	}
	fmt.Println(resp.Status)
}

func retryOverwrite(c *http.Client, req *http.Request) error {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req) // want `leaks when the loop calls it again`
		if err != nil {
			continue
		}
		if resp.StatusCode == 200 {
			break
		}
	}
	if resp == nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func continueDrops(c *http.Client, reqs []*http.Request) {
	for _, req := range reqs {
		resp, err := c.Do(req) // want `leaks at the continue on line 112; close resp.Body before the request is sent again`
		if err != nil {
			continue
		}
		if resp.StatusCode != 200 {
			continue
		}
		resp.Body.Close()
	}
}

func reassigned(c *http.Client, a, b *http.Request) error {
	resp, err := c.Do(a) // want `leaks when resp is reassigned on line 123`
	if err != nil {
		return err
	}
	resp, err = c.Do(b)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func discarded(c *http.Client, req *http.Request) error {
	c.Do(req)                      // want `response of c.Do is discarded without closing its body`
	_, err := http.Get("http://x") // want `response of http.Get is discarded`
	return err
}

// wrapperLeak returns a response (its caller must close that one) but
// leaks a preflight response.
func wrapperLeak(c *http.Client, pre, req *http.Request) (*http.Response, error) {
	p, err := c.Do(pre) // want `leaks at the return on line 145`
	if err != nil {
		return nil, err
	}
	if p.StatusCode != 200 {
		return nil, errors.New("preflight failed")
	}
	p.Body.Close()
	return c.Do(req)
}

func orStatus(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req) // want `leaks at the return on line 154`
	if err != nil || resp.StatusCode != 200 {
		return fmt.Errorf("failed: %v", err)
	}
	defer resp.Body.Close()
	return nil
}

func funcValue(do func(*http.Request) (*http.Response, error), req *http.Request) error {
	resp, err := do(req) // want `leaks at the return on line 166`
	if err != nil {
		return err
	}
	_ = resp.Header.Get("X")
	return nil
}

func generic[T any](f func() (T, error)) (T, error) { return f() }

func instantiated(c *http.Client, req *http.Request) error {
	resp, err := generic(func() (*http.Response, error) { return c.Do(req) }) // want `leaks at the return on line 177`
	if err != nil {
		return err
	}
	fmt.Println(resp.Status)
	return nil
}

// ---- no leak: ownership moves, or closed ----

func deferred(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

func deferredLit(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
	}()
	return nil
}

func returned(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return resp, errors.New("bad")
	}
	return resp, nil
}

func returnedBody(url string) (io.ReadCloser, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

func sent(url string, ch chan<- *http.Response) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	ch <- resp
}

type holder struct {
	resp *http.Response
	m    map[string]*http.Response
	all  []*http.Response
}

func (h *holder) stored(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	h.resp = resp
}

func (h *holder) storedMap(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	h.m[url] = resp
}

func (h *holder) appended(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	h.all = append(h.all, resp)
}

var global *http.Response

func storedGlobal(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	global = resp
}

func goroutine(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	go func() {
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
	}()
}

func closure(url string) func() {
	resp, err := http.Get(url)
	if err != nil {
		return nil
	}
	return func() { resp.Body.Close() }
}

func helper(resp *http.Response) { resp.Body.Close() } // want helper:`params\(closes=#0\)`

func passedToHelper(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	helper(resp)
}

func unknownCallee(url string, consume func(*http.Response)) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	consume(resp)
}

type consumer interface{ Consume(io.ReadCloser) }

func interfaceMethod(url string, c consumer) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	c.Consume(resp.Body)
}

func methodValue(url string, cleanup func(func() error)) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	cleanup(resp.Body.Close)
}

func deferredWithParam(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer func(c io.Closer) { c.Close() }(resp.Body)
}

func closerVar(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	var c io.Closer = resp.Body
	defer c.Close()
	_, err = io.ReadAll(resp.Body)
	return err
}

func bodyAlias(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	body := resp.Body
	defer body.Close()
	_, err = io.ReadAll(body)
	return err
}

func assignedInBranches(c *http.Client, a, b *http.Request, first bool) error {
	var resp *http.Response
	var err error
	if first {
		resp, err = c.Do(a)
	} else {
		resp, err = c.Do(b)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func assignedInSwitch(c *http.Client, a, b *http.Request, n int) error {
	var resp *http.Response
	var err error
	switch n {
	case 1:
		resp, err = c.Do(a)
	default:
		resp, err = c.Do(b)
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func nilGuardOnError(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	return err
}

func nilGuardInErrorBranch(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return err
	}
	defer resp.Body.Close()
	return nil
}

func retryClosesFirst(c *http.Client, req *http.Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i < 3; i++ {
		resp, err = c.Do(req)
		if err != nil {
			continue
		}
		if resp.StatusCode < 500 {
			return resp, nil
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	return nil, err
}

func errOrNil(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil || resp == nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func panics(url string) {
	resp, err := http.Get(url)
	if err != nil {
		panic(err)
	}
	if resp.StatusCode != 200 {
		log.Fatalf("status %d", resp.StatusCode)
	}
	if resp.StatusCode == 500 {
		os.Exit(1)
	}
	defer resp.Body.Close()
	io.ReadAll(resp.Body)
}

func controller(w http.ResponseWriter) {
	rc := http.NewResponseController(w)
	_ = rc.Flush()
}

func mentionsOnly(f func(*http.Response) error, list []*http.Response) int {
	return len(list)
}

// mock builds its own response: callers owe nothing.
func mock() (*http.Response, error) { // want mock:"closedResult"
	return &http.Response{StatusCode: 200, Body: http.NoBody}, nil
}

func useMock() int {
	resp, _ := mock()
	return resp.StatusCode
}

// readAndClose reads and closes the body and returns the response for
// its status and headers.
func readAndClose(c *http.Client, req *http.Request) (*http.Response, []byte, error) { // want readAndClose:"closedResult"
	resp, err := c.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func useReadAndClose(c *http.Client, req *http.Request) int {
	resp, _, err := readAndClose(c, req)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func nopCloser(c *http.Client, req *http.Request) (*http.Response, error) { // want nopCloser:"closedResult"
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytesReader(b))
	return resp, nil
}

func bytesReader(b []byte) io.Reader { return nil }

func useNopCloser(c *http.Client, req *http.Request) int {
	resp, err := nopCloser(c, req)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func printed(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	fmt.Printf("%v %v\n", resp, resp.Body)
	io.ReadAll(resp.Body)
}

func deferredEarly(c *http.Client, req *http.Request) error {
	var resp *http.Response
	defer func() {
		if resp != nil {
			resp.Body.Close()
		}
	}()
	var err error
	resp, err = c.Do(req)
	return err
}

func tupleIgnoredErr(url string) {
	resp, _ := http.Get(url)
	defer resp.Body.Close()
	io.ReadAll(resp.Body)
}

func notNilCheck(c *http.Client, req *http.Request) {
	resp, err := c.Do(req)
	if err == nil {
		defer resp.Body.Close()
		io.ReadAll(resp.Body)
	}
}

func namedResult(url string) (resp *http.Response, err error) {
	resp, err = http.Get(url)
	return
}

func errorsIs(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if errors.Is(err, io.EOF) {
		return nil
	}
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return nil
}

func selectNoDefault(url string, ch chan<- int, done <-chan struct{}) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	select {
	case ch <- resp.StatusCode:
	case <-done:
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

// Read to EOF, not closed: the Transport released the connection at EOF
// (or closed it on a read error), so nothing leaks.
func readNotClosed(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

// A read bounded well below what a response may hold may stop short of
// EOF: the connection stays held.
func readLimitedNotClosed(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `leaks at the return on line 594 unless the body was read to EOF`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, 512))
}

// A limit of at least the drain limit (64 KiB) guards against a runaway
// response; the bodies it reads reach EOF, which releases the connection.
func readGuardedNotClosed(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, 1<<20))
}

func setHeaders(resp *http.Response) *http.Response { // want setHeaders:`params\(keeps=#0\)`
	resp.Header.Set("X", "1")
	return resp
}

// passthrough calls a function that takes and returns a response: not a
// new response.
func passthrough() {
	resp := &http.Response{Header: http.Header{}}
	setHeaders(resp)
}

type wrapped struct{ resp *http.Response }

func returnedInStruct(url string) (*wrapped, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return &wrapped{resp: resp}, nil
}

func ignored(url string) {
	//httpvet:ignore bodyclose the process exits right after
	resp, _ := http.Get(url)
	fmt.Println(resp.Status)
}

// A HEAD response has no body: leaving it unclosed holds no connection.
func headNotClosed(c *http.Client, url string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	http.Head(url)
	return resp.StatusCode, nil
}

func shouldRetry(err error) (bool, error) { return err != nil, err }

// The error is turned into a retry decision: tests of it are tests of the
// error.
func derivedError(c *http.Client, req *http.Request) (bool, error) {
	resp, err := c.Do(req)
	retry, err := shouldRetry(err)
	if retry {
		return true, err
	}
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return false, nil
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func headViaMust(c *http.Client, url string) int64 {
	req := must(http.NewRequest(http.MethodHead, url, nil))
	res, err := c.Do(req)
	if err != nil {
		return 0
	}
	return res.ContentLength
}
