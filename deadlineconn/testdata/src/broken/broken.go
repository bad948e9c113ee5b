package broken

import (
	"context"
	"net"
	"net/http"
	"time"
)

var _ = &http.Transport{
	DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := undefinedDial(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		conn.SetDeadline(time.Now().Add(undefinedDuration))
		return conn, nil
	},
	Dial: missing.Func,
	DialTLS: func(network, addr string) (Missing, error) {
		c := Missing{}
		c.SetDeadline(time.Now())
		return c, nil
	},
}

func f(tr *http.Transport) {
	tr.DialContext = undefinedHook
	tr.Undefined = 1
}
