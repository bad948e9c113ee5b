// Package sdk is reduced from aliyun/alibaba-cloud-sdk-go's sdk.Client: the
// dial func factory Timeout, installed on the client's Transport by
// setTimeout before each request.
//
// https://github.com/aliyun/alibaba-cloud-sdk-go/pull/261
//
// Bug: the dial func set conn.SetDeadline(time.Now().Add(readTimeout)) on
// every connection it dialed, and the Transport pooled those connections, so
// reused ones failed with "i/o timeout" once the instant passed; the fix
// drops the conn deadline and bounds only the dial (a Dialer built per dial,
// with Deadline: time.Now().Add(readTimeout)).
package sdk

import (
	"context"
	"net"
	"net/http"
	"time"
)

var defaultConnectTimeout = 5 * time.Second
var defaultReadTimeout = 10 * time.Second

// AcsRequest stands in for requests.AcsRequest.
type AcsRequest interface {
	GetReadTimeout() time.Duration
	GetConnectTimeout() time.Duration
	BuildHTTPRequest() (*http.Request, error)
}

type Client struct {
	httpClient     *http.Client
	readTimeout    time.Duration
	connectTimeout time.Duration
}

func (client *Client) getTimeout(request AcsRequest) (time.Duration, time.Duration) {
	readTimeout := defaultReadTimeout
	connectTimeout := defaultConnectTimeout

	reqReadTimeout := request.GetReadTimeout()
	reqConnectTimeout := request.GetConnectTimeout()
	if reqReadTimeout != 0*time.Millisecond {
		readTimeout = reqReadTimeout
	} else if client.readTimeout != 0*time.Millisecond {
		readTimeout = client.readTimeout
	}

	if reqConnectTimeout != 0*time.Millisecond {
		connectTimeout = reqConnectTimeout
	} else if client.connectTimeout != 0*time.Millisecond {
		connectTimeout = client.connectTimeout
	}
	return readTimeout, connectTimeout
}

func Timeout(connectTimeout, readTimeout time.Duration) func(cxt context.Context, net, addr string) (c net.Conn, err error) {
	return func(ctx context.Context, network, address string) (net.Conn, error) {
		return (&net.Dialer{
			Timeout:   connectTimeout,
			Deadline:  time.Now().Add(readTimeout),
			KeepAlive: 0 * time.Second,
		}).DialContext(ctx, network, address)
	}
}

func (client *Client) setTimeout(request AcsRequest) {
	readTimeout, connectTimeout := client.getTimeout(request)
	if trans, ok := client.httpClient.Transport.(*http.Transport); ok && trans != nil {
		trans.DialContext = Timeout(connectTimeout, readTimeout)
		client.httpClient.Transport = trans
	} else {
		client.httpClient.Transport = &http.Transport{
			DialContext: Timeout(connectTimeout, readTimeout),
		}
	}
}

func (client *Client) DoAction(request AcsRequest) (*http.Response, error) {
	client.setTimeout(request)
	httpRequest, err := request.BuildHTTPRequest()
	if err != nil {
		return nil, err
	}
	return client.httpClient.Do(httpRequest)
}
