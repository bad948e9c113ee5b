package drain

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

func poll(c *http.Client, url string) error {
	for {
		resp, err := c.Get(url)
		if err != nil {
			return err
		}
		resp.Body.Close() // want `response body is closed unread before the loop sends the request again, so its connection cannot be reused; drain it first with io.Copy\(io.Discard, io.LimitReader\(resp.Body, 64<<10\)\)`
		if resp.StatusCode == http.StatusOK {
			return nil
		}
	}
}

func request(c *http.Client, url string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer func() {
		_ = resp.Body.Close() // want `response body is closed unread on the path returning at line 38, so`
	}()
	return resp.StatusCode, nil
}

// A status-only check called on every request: each call costs a new
// connection.
func healthy(c *http.Client, url string) (bool, error) {
	resp, err := c.Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close() // want `closed unread on the path returning at line 49`
	return resp.StatusCode == http.StatusOK, nil
}

// A cache miss: 404 returns nil, nil while the 200 path reads.
func lookup(c *http.Client, url string, v any) (any, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close() // want `closed unread on the path returning at line 60`
	if resp.StatusCode == http.StatusNotFound {
		return nil, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	return v, json.NewDecoder(resp.Body).Decode(v)
}

// A retry after 503 closes each refused response unread.
func retry(c *http.Client, url string, v any) error {
	for {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		if resp.StatusCode == http.StatusServiceUnavailable {
			resp.Body.Close() // want `closed unread before the loop sends the request again`
			continue
		}
		defer resp.Body.Close()
		return json.NewDecoder(resp.Body).Decode(v)
	}
}

// Another request follows in the same function.
func twoSteps(c *http.Client, a, b string) ([]byte, error) {
	resp, err := c.Get(a)
	if err != nil {
		return nil, err
	}
	resp.Body.Close() // want `closed unread before the request on line 95`
	resp2, err := c.Get(b)
	if err != nil {
		return nil, err
	}
	defer resp2.Body.Close()
	return io.ReadAll(resp2.Body)
}

// Write requests in a loop repeat too.
func postAll(c *http.Client, url string, n int) error {
	for i := 0; i < n; i++ {
		resp, err := c.Post(url, "text/plain", nil)
		if err != nil {
			return err
		}
		resp.Body.Close() // want `closed unread before the loop sends the request again`
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
	}
	return nil
}

// A Transport built in the function and used in a loop pools its
// connections for the loop.
func pollFresh(url string) {
	c := &http.Client{Transport: &http.Transport{}}
	for i := 0; i < 10; i++ {
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close() // want `closed unread before the loop sends the request again`
	}
}

// ---- not reported ----

// The unread path returns an error: a rare path, whose one reconnection
// maintainers leave (-drain=all reports it).
func statusBranch(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// A write request whose success has no body: nothing to drain.
func deleteItem(c *http.Client, url string) error {
	req, err := http.NewRequest(http.MethodDelete, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode > 299 {
		return errors.New(resp.Status)
	}
	return nil
}

func postForm(url string) error {
	resp, err := http.PostForm(url, nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// The path ends the program.
func mustBeUp(url string) {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		log.Fatal(resp.Status)
	}
	os.Exit(0)
}

// Keep-alives disabled: no connection is ever reused.
func pollNoKeepAlive(url string) {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
	for i := 0; i < 10; i++ {
		resp, err := c.Get(url)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

func pollNoKeepAliveVar(url string) {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DisableKeepAlives = true
	c := &http.Client{Transport: t}
	for {
		resp, err := c.Get(url)
		if err != nil {
			return
		}
		resp.Body.Close()
	}
}

type prober struct{ client *http.Client }

func newProber() *prober {
	return &prober{client: &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}}
}

// The client is stored once, in an unexported field, with keep-alives
// disabled.
func (p *prober) probe(url string) bool {
	for {
		resp, err := p.client.Get(url)
		if err != nil {
			return false
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return true
		}
	}
}

// A Transport built for this one request: nothing to reuse.
func oneShot(url string) (bool, error) {
	c := &http.Client{Transport: &http.Transport{Proxy: nil}}
	resp, err := c.Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

func newClient() *http.Client { // want newClient:"freshTransport"
	return &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
}

// The client comes from a helper that builds a new Transport on every call.
func viaHelper(url string) (bool, error) {
	resp, err := newClient().Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

func viaHelperVar(url string) (bool, error) {
	c := newClient()
	resp, err := c.Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

// A shared client with a fresh Client value but the default Transport
// still pools: reported.
func sharedTransport(url string) (bool, error) {
	c := &http.Client{}
	resp, err := c.Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close() // want `closed unread on the path returning`
	return resp.StatusCode == http.StatusOK, nil
}

// defer before the error check: go vet's httpresponse reports it (resp
// may be nil); a drain fix there would hide it.
func deferBeforeCheck(url string) (bool, error) {
	resp, err := http.Get(url)
	defer resp.Body.Close()
	if err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}

// A bounded drain counts as a drain.
func boundedDrain(url string) (bool, error) {
	resp, err := http.Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode == http.StatusOK, nil
}

func copyN(url string) (bool, error) {
	resp, err := http.Get(url)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	_, _ = io.CopyN(io.Discard, resp.Body, 4096)
	return resp.StatusCode == http.StatusOK, nil
}

func head(url string) (int, error) {
	resp, err := http.Head(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func headRequest(c *http.Client, url string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, url, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func unknownMethod(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}

func readOnEveryPath(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode != http.StatusOK {
		return nil, errors.New(string(b))
	}
	return b, err
}

func drainedInDefer(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
	return resp.StatusCode, nil
}

func noContent(url string, v any) error {
	resp, err := http.Post(url, "application/json", nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNoContent {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

func notModifiedSwitch(url string, v any) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusNotModified:
		return nil
	default:
		return json.NewDecoder(resp.Body).Decode(v)
	}
}

func handedToHelper(url string, check func(*http.Response) error) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return check(resp)
}

func upgrade(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return errors.New("no upgrade")
	}
	return nil
}

func scanned(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	buf := make([]byte, 512)
	_, err = resp.Body.Read(buf)
	return err
}

// The next request goes through another client: no reuse to lose.
func otherClient(a, b *http.Client, u1, u2 string) ([]byte, error) {
	resp, err := a.Get(u1)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	resp2, err := b.Get(u2)
	if err != nil {
		return nil, err
	}
	defer resp2.Body.Close()
	return io.ReadAll(resp2.Body)
}

// One Read returns what has arrived, up to the buffer: the body is closed
// before its end, and each poll loses the connection.
func peek(c *http.Client, url string) error {
	buf := make([]byte, 512)
	for {
		resp, err := c.Get(url)
		if err != nil {
			return err
		}
		n, _ := resp.Body.Read(buf)
		resp.Body.Close() // want `closed unread before the loop sends the request again`
		if n > 0 && buf[0] == '1' {
			return nil
		}
	}
}

// Reading until Read fails reads the body to its end.
func readUntilEOF(c *http.Client, url string) error {
	buf := make([]byte, 512)
	for {
		resp, err := c.Get(url)
		if err != nil {
			return err
		}
		for {
			if _, err := resp.Body.Read(buf); err != nil {
				break
			}
		}
		resp.Body.Close()
		if buf[0] == '1' {
			return nil
		}
	}
}
