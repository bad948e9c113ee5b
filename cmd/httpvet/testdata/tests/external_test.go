package tests_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestExternal(t *testing.T) {
	http.NewRequest("GET", "http://localhost:1", strings.NewReader("q"))
}
