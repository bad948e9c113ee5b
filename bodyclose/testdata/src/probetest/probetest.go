// Package probetest is test support: its file imports testing, and its
// readiness probes run once per test. Not reported.
package probetest

import (
	"fmt"
	"net/http"
	"testing"
)

func IsAdminRunning(t testing.TB, port int) error {
	client := &http.Client{}
	resp, err := client.Get(fmt.Sprintf("http://localhost:%d/config/", port))
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}
