package shapes

import (
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

// An http.Client without Timeout in a polling loop whose requests are
// built with http.NewRequest: nothing bounds them.
type poller struct {
	client *http.Client
	url    string
}

func newPoller(u string) *poller {
	return &poller{client: &http.Client{}, url: u} // want `http.Client without Timeout`
}

func (p *poller) poll() {
	for range time.Tick(time.Minute) {
		req, err := http.NewRequest("GET", p.url, nil)
		if err != nil {
			continue
		}
		resp, err := p.client.Do(req)
		if err != nil {
			continue
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func pollLocal(u string) {
	c := &http.Client{} // want `http.Client without Timeout`
	var req *http.Request
	for i := 0; i < 10; i++ {
		req, _ = http.NewRequest("GET", u, nil)
		resp, err := c.Do(req)
		if err == nil {
			resp.Body.Close()
		}
	}
}

// httputil.ReverseProxy's Transport: field assignment and literal.
func proxyAssigned(target *url.URL) http.Handler {
	p := httputil.NewSingleHostReverseProxy(target)
	p.Transport = &http.Transport{MaxIdleConns: 10} // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
	return p
}

func proxyLiteral(target *url.URL) http.Handler {
	return &httputil.ReverseProxy{
		Rewrite:   func(r *httputil.ProxyRequest) { r.SetURL(target) },
		Transport: &http.Transport{MaxIdleConns: 10}, // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
	}
}

func proxyClone(target *url.URL) http.Handler {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = 10
	return &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) { r.SetURL(target) }, Transport: tr}
}
