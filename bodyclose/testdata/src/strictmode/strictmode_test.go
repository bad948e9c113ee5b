package strictmode

import (
	"net/http"
	"testing"
)

// Test code: -tests, on in strict mode.
func TestStatus(t *testing.T) {
	resp, err := http.Get("http://example.com/") // want `^contract: response body of http.Get is not closed`
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.StatusCode
}
