// Package cloud is reduced from ariga/atlas-action's atlasaction/cloud: a
// GraphQL client for the Atlas Cloud API that posts through a
// hashicorp/go-retryablehttp client (Client, Request, NewClient and
// NewRequestWithContext are small local stand-ins in retryablehttp.go;
// gqlerror.List likewise).
//
// https://github.com/ariga/atlas-action/pull/518
//
// Bug: post deferred req.Body.Close() — the request's body — instead of
// res.Body.Close(), so every call left the response body open and leaked a
// connection; the fix closes the response body (and makes the
// RoundTripper wrap the client's pooled transport instead of
// http.DefaultTransport, clone the request before setting headers, and
// forward CloseIdleConnections).
package cloud

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// cloudURL holds Atlas Cloud API URL.
const cloudURL = "https://api.atlasgo.cloud/query"

type (
	// Client is a client for the Atlas Cloud API.
	Client struct {
		client   *retryableClient
		endpoint string
	}
	// roundTripper is a http.RoundTripper that adds the Authorization header.
	roundTripper struct {
		token, version, cliVersion string
	}
)

// RoundTrip implements http.RoundTripper.
func (r *roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	req.Header.Set("Authorization", "Bearer "+r.token)
	req.Header.Set("User-Agent", fmt.Sprintf("Atlas Action/%s Atlas CLI/%s", r.version, r.cliVersion))
	req.Header.Set("Content-Type", "application/json")
	return http.DefaultTransport.RoundTrip(req)
}

func newClient(endpoint, token, version, cliVersion string) *Client {
	if endpoint == "" {
		endpoint = cloudURL
	}
	client := newRetryableClient()
	client.HTTPClient.Timeout = time.Second * 60 * 5
	client.HTTPClient.Transport = &roundTripper{
		token:      token,
		version:    version,
		cliVersion: cliVersion,
	}
	return &Client{
		endpoint: endpoint,
		client:   client,
	}
}

// New creates a new Client for the Atlas Cloud API.
func New(token, version, cliVersion string) *Client {
	return newClient("", token, version, cliVersion)
}

type SnapshotHashInput struct {
	URL     string   `json:"url"`
	Schemas []string `json:"schemas,omitempty"`
}

// SnapshotHash retrieves the hash of the schema snapshot from the cloud.
func (c *Client) SnapshotHash(ctx context.Context, input *SnapshotHashInput) (string, error) {
	var (
		req = `query snapshotHash($input: SnapshotHashInput!) {
			snapshotHash(input: $input) {
				hash
			}
		}`
		payload struct {
			SnapshotHash struct {
				Hash string `json:"hash"`
			} `json:"snapshotHash"`
		}
		vars = struct {
			Input *SnapshotHashInput `json:"input"`
		}{
			Input: input,
		}
	)
	if err := c.post(ctx, req, vars, &payload); err != nil {
		return "", err
	}
	return payload.SnapshotHash.Hash, nil
}

// sends a POST request to the Atlas Cloud API.
func (c *Client) post(ctx context.Context, query string, vars, data any) error {
	body, err := json.Marshal(struct {
		Query     string `json:"query"`
		Variables any    `json:"variables,omitempty"`
	}{
		Query:     query,
		Variables: vars,
	})
	if err != nil {
		return err
	}
	req, err := newRetryableRequestWithContext(ctx, http.MethodPost, c.endpoint, bytes.NewReader(body))
	if err != nil {
		return err
	}
	res, err := c.client.Do(req)
	if err != nil {
		return err
	}
	defer req.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("unexpected status code: %d", res.StatusCode)
	}
	var scan = struct {
		Data   any       `json:"data"`
		Errors errorList `json:"errors,omitempty"`
	}{
		Data: data,
	}
	if err := json.NewDecoder(res.Body).Decode(&scan); err != nil {
		return err
	}
	if len(scan.Errors) > 0 {
		return scan.Errors
	}
	return nil
}
