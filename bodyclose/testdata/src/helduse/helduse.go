// Package helduse: the held package's facts hold in its callers.
package helduse

import (
	"context"
	"net/http"

	"held"
)

func poll(ctx context.Context, p *held.Poller) int {
	resp, err := p.Poll(ctx)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func send(c *held.Client, req *http.Request) (int, error) {
	resp, err := c.Send(req) // want `not closed on every path`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
