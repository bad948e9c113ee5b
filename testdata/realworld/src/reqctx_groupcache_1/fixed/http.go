// Package groupcache is reduced from golang/groupcache's httpGetter.Get,
// which fetches a key from a peer through a RoundTripper.
//
// https://github.com/golang/groupcache/pull/132
//
// Bug: Get was handed a context (its parameter named `context`) but built
// the request with http.NewRequest and never attached it, so a cancelled
// or expired caller did not stop the peer fetch; the fix sets
// req = req.WithContext(ctx).
package groupcache

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
)

// GetRequest and GetResponse stand in for the groupcachepb messages.
type GetRequest struct {
	Group *string
	Key   *string
}

func (m *GetRequest) GetGroup() string { return *m.Group }
func (m *GetRequest) GetKey() string   { return *m.Key }

type GetResponse struct {
	Value []byte
}

type httpGetter struct {
	transport func(context.Context) http.RoundTripper
	baseURL   string
}

var bufferPool = sync.Pool{
	New: func() interface{} { return new(bytes.Buffer) },
}

func (h *httpGetter) Get(ctx context.Context, in *GetRequest, out *GetResponse) error {
	u := fmt.Sprintf(
		"%v%v/%v",
		h.baseURL,
		url.QueryEscape(in.GetGroup()),
		url.QueryEscape(in.GetKey()),
	)
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return err
	}
	req = req.WithContext(ctx)
	tr := http.DefaultTransport
	if h.transport != nil {
		tr = h.transport(ctx)
	}
	res, err := tr.RoundTrip(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("server returned: %v", res.Status)
	}
	b := bufferPool.Get().(*bytes.Buffer)
	b.Reset()
	defer bufferPool.Put(b)
	_, err = io.Copy(b, res.Body)
	if err != nil {
		return fmt.Errorf("reading response body: %v", err)
	}
	out.Value = append(out.Value[:0], b.Bytes()...)
	return nil
}
