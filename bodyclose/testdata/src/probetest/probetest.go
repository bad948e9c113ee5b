// Package probetest is test support (caddy's caddytest): its readiness
// probes run once per test. Not reported.
package probetest

import (
	"fmt"
	"net/http"
)

func IsAdminRunning(port int) error {
	client := &http.Client{}
	resp, err := client.Get(fmt.Sprintf("http://localhost:%d/config/", port))
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}
