package client_impl

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"
)

// RestOptions stands in for client.RestOptions.
type RestOptions struct {
	RequestTimeout   time.Duration
	ConnectTimeout   time.Duration
	KeppAliveTimeout time.Duration
}

// RestClientRequest stands in for client.RestClientRequest.
type RestClientRequest struct {
	Header   http.Header
	Location string
	Path     string
	Method   string
	Body     interface{}
}

// RestClient stands in for client.RestClient.
type RestClient interface {
	Do(request *RestClientRequest, res interface{}) error
}

// restyClient stands in for resty.Client: an http.Client whose Transport
// and Timeout the setters change.
type restyClient struct {
	httpClient *http.Client
}

func newResty() *restyClient {
	return &restyClient{httpClient: &http.Client{}}
}

func (c *restyClient) SetTransport(transport http.RoundTripper) *restyClient {
	c.httpClient.Transport = transport
	return c
}

func (c *restyClient) SetTimeout(timeout time.Duration) *restyClient {
	c.httpClient.Timeout = timeout
	return c
}

// Execute stands in for resty.Request.Execute with SetBody and SetResult.
func (c *restyClient) Execute(method, url string, header http.Header, body, result interface{}) error {
	var reqBody io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reqBody = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, reqBody)
	if err != nil {
		return err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode > 399 {
		return errors.New(string(data))
	}
	return json.Unmarshal(data, result)
}
