package reach

import (
	"net/http"
	"testing"
)

func TestServeDebug(t *testing.T) {
	webArgs.listen = ":0"
	go serveDebug(http.NotFoundHandler(), ":0")
}
