// Package percall: a keep-alive Transport built on every call leaves a
// connection pool behind per call.
package percall

import (
	"io"
	"net"
	"net/http"
	"time"
)

type API struct {
	base   string
	client *http.Client
}

// newClient builds a new pool on every call.
func newClient() *http.Client { // want newClient:`freshTransport`
	return &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{DialContext: (&net.Dialer{Timeout: 5 * time.Second}).DialContext},
	}
}

// Get runs for every path a loop fetches (FetchAll) and builds a pool each
// time.
func (a *API) Get(path string) ([]byte, error) {
	resp, err := newClient().Get(a.base + path) // want `newClient\(\).Get sends through a Transport built on every call of Get: each call leaves a connection pool behind`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// A literal in the function: the same; Post is handed to a retry helper
// (Send), which calls it again and again.
func (a *API) Post(path string, body io.Reader) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Post(a.base+path, "application/json", body) // want `c.Post sends through a Transport built on every call of Post`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Fixed: the client is built once and kept.
func (a *API) GetShared(path string) ([]byte, error) {
	if a.client == nil {
		a.client = newClient()
	}
	resp, err := a.client.Get(a.base + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// Fixed too: the pool is closed when done.
func (a *API) GetOnce(path string) ([]byte, error) {
	c := newClient()
	defer c.CloseIdleConnections()
	resp, err := c.Get(a.base + path)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

// No keep-alives: nothing is pooled.
func (a *API) GetNoKeepAlive(path string) error {
	c := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: time.Minute}
	resp, err := c.Get(a.base + path)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// FetchAll calls Get in a loop.
func (a *API) FetchAll(paths []string) {
	for _, p := range paths {
		a.Get(p)
	}
}

// retry calls op until it succeeds: the callsRepeatedly fact.
func retry(op func() error) {
	for op() != nil {
		time.Sleep(time.Second)
	}
}

// Send hands Post to retry.
func (a *API) Send(path string) {
	retry(func() error { return a.Post(path, nil) })
	retry(a.Ping)
}

// Ping is handed to retry as a method value.
func (a *API) Ping() error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Get(a.base + "/ping") // want `c.Get sends through a Transport built on every call of Ping`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Put is handed on as a value to code out of view: how often it runs is
// not known (a command table's entry runs once per run). Not reported.
func (a *API) Put(path string) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Get(a.base + path)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Hooks hands Put on.
func (a *API) Hooks() func(string) error { return a.Put }

// A literal run in place runs as often as its function: per request here.
func Relay(w http.ResponseWriter, r *http.Request) {
	fetch := func() error {
		return nil
	}
	_ = fetch
	func() {
		c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
		resp, err := c.Get("http://upstream" + r.URL.Path) // want `c.Get sends through a Transport built on every call of this function literal`
		if err != nil {
			return
		}
		resp.Body.Close()
	}()
}

// A literal handed to code out of view: not known to run more than once.
// Not reported.
var OnStart = func(base string) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Get(base + "/start")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// AdminRequest is a command's helper, exported and called from two
// commands, once per run of the program: one pool per process, gone when it
// exits. Not reported.
func AdminRequest(base, path string) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Get(base + path)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func CmdStop(base string) error   { return AdminRequest(base, "/stop") }
func CmdReload(base string) error { return AdminRequest(base, "/load") }

// setup runs once per call of Init, from one place: not known to run
// again and again.
func setup(base string) error {
	c := newClient()
	resp, err := c.Get(base + "/ready")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Init is called once at startup.
func Init(base string) error { return setup(base) }

// ProxyHandler serves requests (its signature is an http.HandlerFunc's,
// registered elsewhere): a pool per request served.
func ProxyHandler(w http.ResponseWriter, r *http.Request) {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Get("http://upstream" + r.URL.Path) // want `c.Get sends through a Transport built on every call of ProxyHandler`
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

// authFinish is called by a handler only: how many requests a process
// serves is out of view (a CGI program serves one), and the assumption
// that a handler serves a stream covers its own code, not the functions it
// calls. Not reported.
func authFinish(url string) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func Authorize(w http.ResponseWriter, r *http.Request) {
	if authFinish("http://localhost/auth?"+r.URL.RawQuery) != nil {
		w.WriteHeader(http.StatusUnauthorized)
	}
}
