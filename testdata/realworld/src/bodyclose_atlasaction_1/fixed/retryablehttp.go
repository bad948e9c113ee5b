package cloud

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
)

// retryableClient stands in for retryablehttp.Client: Do sends the
// request through HTTPClient, re-sending it on connection errors and 5xx,
// and returns the last response for the caller to close.
type retryableClient struct {
	HTTPClient *http.Client
	RetryMax   int
}

// newRetryableClient stands in for retryablehttp.NewClient, which builds
// its HTTPClient on a pooled transport.
func newRetryableClient() *retryableClient {
	return &retryableClient{
		HTTPClient: &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()},
		RetryMax:   4,
	}
}

// retryableRequest stands in for retryablehttp.Request: the request and
// its body kept as bytes, so that every attempt gets a fresh reader.
type retryableRequest struct {
	body []byte
	*http.Request
}

// newRetryableRequestWithContext stands in for
// retryablehttp.NewRequestWithContext.
func newRetryableRequestWithContext(ctx context.Context, method, url string, body io.Reader) (*retryableRequest, error) {
	var buf []byte
	if body != nil {
		var err error
		if buf, err = io.ReadAll(body); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(buf))
	if err != nil {
		return nil, err
	}
	return &retryableRequest{body: buf, Request: req}, nil
}

func (c *retryableClient) Do(req *retryableRequest) (*http.Response, error) {
	var (
		resp *http.Response
		err  error
	)
	for i := 0; ; i++ {
		req.Request.Body = io.NopCloser(bytes.NewReader(req.body))
		resp, err = c.HTTPClient.Do(req.Request)
		retry := err != nil || resp.StatusCode >= 500
		if !retry || i == c.RetryMax {
			return resp, err
		}
		if resp != nil {
			io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
			resp.Body.Close()
		}
	}
}

// errorList stands in for gqlerror.List.
type errorList []struct {
	Message string `json:"message"`
}

func (l errorList) Error() string {
	var msgs []string
	for _, e := range l {
		msgs = append(msgs, e.Message)
	}
	return strings.Join(msgs, "; ")
}
