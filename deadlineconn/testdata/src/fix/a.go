package fix

import (
	"context"
	"net"
	"net/http"
	"time"
)

var tr = &http.Transport{
	DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := (&net.Dialer{}).DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		// bound the request
		conn.SetDeadline(time.Now().Add(3 * time.Second)) // want `SetDeadline sets an absolute deadline`
		return conn, nil
	},
}
