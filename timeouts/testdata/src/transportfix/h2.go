package transportfix

import (
	"crypto/tls"
	"net/http"
	"time"
)

// exprClient's Transport attempts HTTP/2: the added dialer would turn it
// off, so the fix also sets ForceAttemptHTTP2.
func exprClient() *http.Client {
	return &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}} // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
}

// varClient's literal becomes a clone of http.DefaultTransport with the
// literal's own fields, comments kept.
func varClient() *http.Client {
	tr := &http.Transport{ // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
		Proxy: http.ProxyFromEnvironment,
		// Keep a few.
		MaxIdleConns:    10,
		MaxConnsPerHost: 4, // per host
	}
	return &http.Client{Transport: tr}
}

// tlsClient's TLS config kept HTTP/2 off: so does the fix.
func tlsClient() *http.Client {
	tr := &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}} // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
	return &http.Client{Transport: tr}
}

// assigned: a variable declared before, a multi-line value.
func assigned() *http.Client {
	var tr *http.Transport
	tr = &http.Transport{ // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
		TLSClientConfig: &tls.Config{
			MinVersion: tls.VersionTLS12,
		},
		ResponseHeaderTimeout: 5 * time.Second,
	}
	return &http.Client{Transport: tr}
}

// exprTLS: an expression with its own TLS config, HTTP/1.1 before and
// after: no ForceAttemptHTTP2.
func exprTLS() *http.Client {
	return &http.Client{Transport: &http.Transport{ // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
		TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12},
	}}
}

// forced: ForceAttemptHTTP2 set by the literal is kept.
func forced() *http.Client {
	tr := &http.Transport{ForceAttemptHTTP2: true, MaxIdleConnsPerHost: 2} // want `http.Transport literal without TLSHandshakeTimeout, DialContext`
	return &http.Client{Transport: tr}
}
