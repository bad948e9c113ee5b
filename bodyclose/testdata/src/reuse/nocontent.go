package reuse

import (
	"fmt"
	"io"
	"net/http"
	"time"
)

// A check of each server in turn: the URL's host is the element the loop
// visits, so every iteration dials another server and no connection could
// be reused. Not reported, whatever the URL's path.
func checkEachHost(c *http.Client, hosts []string) {
	for _, h := range hosts {
		u := fmt.Sprintf("http://%s/generate_204?t=%d", h, time.Now().Unix())
		req, err := http.NewRequest("GET", u, nil)
		if err != nil {
			continue
		}
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

type node struct{ HostName string }

func checkEachNode(c *http.Client, nodes []node) {
	for _, n := range nodes {
		resp, err := c.Get("https://" + n.HostName + "/health")
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

// The same path on one server, each time round: the connection could be
// reused, and the unread close loses it, whatever the path says.
func checkEachPath(c *http.Client, host string, paths []string) {
	for _, p := range paths {
		resp, err := c.Get("http://" + host + p)
		if err != nil {
			continue
		}
		resp.Body.Close() // want `closed unread before the loop sends the request again`
	}
}

// Fixed: drained first.
func checkEachPathDrained(c *http.Client, host string, paths []string) {
	for _, p := range paths {
		resp, err := c.Get("http://" + host + p)
		if err != nil {
			continue
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		resp.Body.Close()
	}
}
