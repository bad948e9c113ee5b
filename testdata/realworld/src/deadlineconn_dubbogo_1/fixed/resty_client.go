// Package client_impl is reduced from apache/dubbo-go's
// protocol/rest/client/client_impl: the REST protocol's client, built on
// go-resty with its own http.Transport (resty.Client and the rest client's
// option and request types are small local stand-ins in resty.go).
//
// https://github.com/apache/dubbo-go/pull/2785
//
// Bug: the Transport's DialContext set c.SetDeadline(time.Now().Add(
// RequestTimeout)) on every connection it dialed; the Transport pooled
// those connections, so a reused one failed once that instant had passed,
// possibly before the server's answer arrived. The fix drops the conn
// deadline, bounds each request with the client's timeout
// (client.SetTimeout(RequestTimeout)) and closes idle connections after
// IdleConnTimeout.
package client_impl

import (
	"context"
	"net"
	"net/http"
	"path"
)

// RestyClient a rest client implement by Resty
type RestyClient struct {
	client *restyClient
}

// NewRestyClient a constructor of RestyClient
func NewRestyClient(restOption *RestOptions) RestClient {
	client := newResty()
	client.SetTransport(
		&http.Transport{
			DialContext: func(_ context.Context, network, addr string) (net.Conn, error) {
				c, err := net.DialTimeout(network, addr, restOption.ConnectTimeout)
				if err != nil {
					return nil, err
				}
				return c, nil
			},
			IdleConnTimeout: restOption.KeppAliveTimeout,
		})
	client.SetTimeout(restOption.RequestTimeout)
	return &RestyClient{
		client: client,
	}
}

// Do send request by RestyClient
func (rc *RestyClient) Do(restRequest *RestClientRequest, res interface{}) error {
	return rc.client.Execute(restRequest.Method, "http://"+path.Join(restRequest.Location, restRequest.Path), restRequest.Header, restRequest.Body, res)
}
