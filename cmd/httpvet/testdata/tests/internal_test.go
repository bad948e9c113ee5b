package tests

import (
	"net/http"
	"strings"
	"testing"
)

func TestInternal(t *testing.T) {
	http.NewRequest("GET", "http://localhost:1", strings.NewReader("q"))
}
