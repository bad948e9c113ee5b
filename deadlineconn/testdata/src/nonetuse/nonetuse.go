package nonetuse

import (
	"context"
	"net"
	"net/http"

	"nonet"
)

// A helper of a package that does not reach net: silent, as under go vet.
func viaNoNetHelper(tr *http.Transport) {
	tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		conn, err := net.Dial(network, addr)
		if err != nil {
			return nil, err
		}
		nonet.Arm(conn)
		return conn, nil
	}
}
