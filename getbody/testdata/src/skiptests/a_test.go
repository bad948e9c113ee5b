package skiptests

import (
	"net/http"
	"strings"
	"testing"
)

// Tests of a client's GET-body handling build such requests on purpose:
// not reported unless -getbody.tests is set.
func TestGetBody(t *testing.T) {
	_, _ = http.NewRequest("GET", "http://x", strings.NewReader("q"))
}
