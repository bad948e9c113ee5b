package reuse

import "testing"

func TestStartA(t *testing.T) { waitForServerReady("http://127.0.0.1:1", 5) }
func TestStartB(t *testing.T) { waitForServerReady("http://127.0.0.1:1", 5) }
