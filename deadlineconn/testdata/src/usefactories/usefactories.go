package usefactories

import (
	"context"
	"crypto/tls"
	"factories"
	"net"
	"net/http"
	"time"
)

var dialer = &net.Dialer{Timeout: 5 * time.Second}

func hooks() *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Dial = factories.TimeoutDialer(5*time.Second, 30*time.Second)     // want `the dial func returned by factories.TimeoutDialer through SetDeadline at factories.go:19 sets an absolute deadline on a connection returned by an http.Transport dial hook`
	tr.DialContext = factories.ContextDialer(&net.Dialer{}, time.Minute) // want `the dial func returned by factories.ContextDialer through Arm at factories.go:37 sets an absolute deadline`
	tr.DialTLSContext = factories.Named()                                // want `the dial func returned by factories.Named through SetReadDeadline at factories.go:53 sets`
	return tr
}

var _ = &http.Transport{Dial: factories.Default()} // want `the dial func returned by factories.Default through SetDeadline at factories.go:19`

func helpers(tr *http.Transport) {
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return factories.Arm(conn, 10*time.Second), nil // want `Arm sets an absolute deadline`
	}
	tr.Dial = func(network, addr string) (net.Conn, error) {
		conn, err := net.Dial(network, addr)
		if err != nil {
			return nil, err
		}
		factories.Arm(conn, time.Second) // want `Arm sets an absolute deadline`
		return conn, nil
	}
	tr.DialTLSContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		armed := factories.Arm(conn, time.Second) // want `Arm sets an absolute deadline`
		return tls.Client(armed, &tls.Config{}), nil
	}
	tr.DialTLS = func(network, addr string) (net.Conn, error) {
		conn, err := net.Dial(network, addr)
		if err != nil {
			return nil, err
		}
		return factories.ArmOrClose(conn) // want `ArmOrClose sets an absolute deadline`
	}
}

// A local factory.
func localFactory(rw time.Duration) func(ctx context.Context, network, addr string) (net.Conn, error) { // want localFactory:`returnsDialer\(SetWriteDeadline at usefactories.go:64\)`
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		conn.SetWriteDeadline(time.Now().Add(rw))
		return conn, nil
	}
}

func useLocal() *http.Transport {
	return &http.Transport{DialContext: localFactory(time.Minute)} // want `the dial func returned by localFactory through SetWriteDeadline at usefactories.go:64`
}

// ---- negatives ----

func silent(tr *http.Transport) {
	tr.DialTLSContext = factories.HandshakeDialer(&tls.Config{}, 10*time.Second)
	tr.Dial = factories.ClearingDialer(time.Second)
	tr.DialContext = factories.PlainDialer(time.Second)
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		probe, err := net.Dial(network, addr)
		if err == nil {
			factories.Probe(probe)
		}
		conn, err := dialer.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		factories.ProbeDeferred(conn)
		return conn, nil
	}
}

// Each connection serves one request: the deadline bounds that request.
var _ = &http.Transport{DisableKeepAlives: true, Dial: factories.TimeoutDialer(time.Second, time.Minute)}

// A factory's dial func used outside any Transport.
func direct() (net.Conn, error) {
	return factories.TimeoutDialer(time.Second, time.Minute)("tcp", "x:1")
}
