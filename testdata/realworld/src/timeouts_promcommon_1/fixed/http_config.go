// Package config is reduced from prometheus/common's
// NewRoundTripperFromConfig (conntrack.NewDialContextFunc, the dialer, is a
// local stand-in with the same shape: a dial func without a TLS handshake
// bound).
//
// https://github.com/prometheus/common/pull/179
//
// Bug: the Transport literal left TLSHandshakeTimeout at zero, so a TLS
// handshake never timed out and its connection and goroutines could stay
// forever (prometheus/prometheus#5394); the fix sets TLSHandshakeTimeout
// (10 s) and ExpectContinueTimeout (1 s), as in http.DefaultTransport.
package config

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/url"
	"time"
)

type HTTPClientConfig struct {
	ProxyURL    *url.URL
	BearerToken string
	TLSConfig   *tls.Config
}

// NewDialContextFunc stands in for conntrack.NewDialContextFunc.
func NewDialContextFunc(name string) func(ctx context.Context, network, addr string) (net.Conn, error) {
	dialer := &net.Dialer{}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		return dialer.DialContext(ctx, network, addr)
	}
}

type bearerAuthRoundTripper struct {
	bearerToken string
	rt          http.RoundTripper
}

func (rt *bearerAuthRoundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.Header.Set("Authorization", "Bearer "+rt.bearerToken)
	return rt.rt.RoundTrip(req)
}

func NewBearerAuthRoundTripper(token string, rt http.RoundTripper) http.RoundTripper {
	return &bearerAuthRoundTripper{token, rt}
}

// NewRoundTripperFromConfig returns a new HTTP RoundTripper configured for the
// given config.HTTPClientConfig. The name is used as go-conntrack metric label.
func NewRoundTripperFromConfig(cfg HTTPClientConfig, name string) (http.RoundTripper, error) {
	// The only timeout we care about is the configured scrape timeout.
	// It is applied on request. So we leave out any timings here.
	var rt http.RoundTripper = &http.Transport{
		Proxy:               http.ProxyURL(cfg.ProxyURL),
		MaxIdleConns:        20000,
		MaxIdleConnsPerHost: 1000, // see https://github.com/golang/go/issues/13801
		DisableKeepAlives:   false,
		TLSClientConfig:     cfg.TLSConfig,
		DisableCompression:  true,
		// 5 minutes is typically above the maximum sane scrape interval. So we can
		// use keepalive for all configurations.
		IdleConnTimeout:       5 * time.Minute,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		DialContext:           NewDialContextFunc(name),
	}

	// If a bearer token is provided, create a round tripper that will set the
	// Authorization header correctly on each request.
	if len(cfg.BearerToken) > 0 {
		rt = NewBearerAuthRoundTripper(cfg.BearerToken, rt)
	}
	return rt, nil
}

// NewClientFromConfig returns a new HTTP client configured for the
// given config.HTTPClientConfig.
func NewClientFromConfig(cfg HTTPClientConfig, name string) (*http.Client, error) {
	rt, err := NewRoundTripperFromConfig(cfg, name)
	if err != nil {
		return nil, err
	}
	return &http.Client{Transport: rt}, nil
}
