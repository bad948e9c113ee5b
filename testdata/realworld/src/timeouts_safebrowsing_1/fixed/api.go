// Package safebrowsing is reduced from google/safebrowsing's netAPI
// (proto messages are replaced by a small Message interface).
//
// https://github.com/google/safebrowsing/issues/35
//
// Bug: netAPI held a zero-value `client http.Client` field, whose Timeout is
// zero, so a stuck server hung every lookup forever; the fix (PR #59)
// makes the field an *http.Client built with a Timeout in newNetAPI.
package safebrowsing

import (
	"bytes"
	"fmt"
	"io/ioutil"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Message stands in for proto.Message.
type Message interface {
	Marshal() ([]byte, error)
	Unmarshal([]byte) error
}

// netAPI is an api object that talks to the server over HTTP.
type netAPI struct {
	client *http.Client
	url    *url.URL
}

// newNetAPI creates a new netAPI object pointed at the provided root URL.
func newNetAPI(root string, key string, timeout time.Duration) (*netAPI, error) {
	if !strings.Contains(root, "://") {
		root = "https://" + root
	}
	u, err := url.Parse(root)
	if err != nil {
		return nil, err
	}

	q := u.Query()
	q.Set("key", key)
	q.Set("alt", "proto")
	u.RawQuery = q.Encode()
	return &netAPI{url: u, client: &http.Client{Timeout: timeout}}, nil
}

// doRequests performs a POST to requestPath. It uses the marshaled form of req
// as the request body payload, and automatically unmarshals the response body
// payload as resp.
func (a *netAPI) doRequest(requestPath string, req Message, resp Message) error {
	p, err := req.Marshal()
	if err != nil {
		return err
	}

	u := *a.url // Make a copy of URL
	u.Path = requestPath
	httpReq, err := http.NewRequest("POST", u.String(), bytes.NewReader(p))
	httpReq.Header.Add("Content-Type", "application/x-protobuf")
	httpResp, err := a.client.Do(httpReq)
	if err != nil {
		return err
	}
	defer httpResp.Body.Close()
	if httpResp.StatusCode != 200 {
		return fmt.Errorf("safebrowsing: unexpected server response code: %d", httpResp.StatusCode)
	}
	body, err := ioutil.ReadAll(httpResp.Body)
	if err != nil {
		return err
	}
	return resp.Unmarshal(body)
}

// NewSafeBrowser stands in for the exported constructor that builds the netAPI.
func NewSafeBrowser(root, key string, timeout time.Duration) (*netAPI, error) {
	return newNetAPI(root, key, timeout)
}
