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

func factory(rw time.Duration) func(string, string) (net.Conn, error) {
	return func(network, addr string) (net.Conn, error) {
		conn, err := undefinedDial(network, addr)
		conn.SetDeadline(time.Now().Add(rw))
		return conn, err
	}
}

func badFactory() func(string, string) (Missing, error) {
	return undefinedFunc
}

func badFactory2() Missing {
	var f = undefined
	return f
}

func arm(c net.Conn) net.Conn {
	c.SetDeadline(time.Now().Add(undefinedDuration))
	return c
}

func useFactories(tr *http.Transport) {
	tr.Dial = factory(time.Second)
	tr.Dial = badFactory()
	tr.DialContext = badFactory2()
	tr.DialContext = undefinedFactory()
	tr.Dial = func(network, addr string) (net.Conn, error) {
		return arm(undefinedConn), nil
	}
}
