package fix

import (
	"bytes"
	"io"
	"net/http"
	"strings"
)

func literal(u string, data []byte) {
	http.NewRequest("GET", u, strings.NewReader("q=1"))       // want `GET request built by http.NewRequest carries a body`
	http.NewRequest(http.MethodGet, u, bytes.NewReader(data)) // want `GET request built by http.NewRequest carries a body`
}

func variable(u string) {
	body := bytes.NewReader([]byte("x"))
	http.NewRequest(http.MethodGet, u, body) // want `GET request built by http.NewRequest carries a body`
}

func assignment(u string) {
	req, _ := http.NewRequest(http.MethodHead, u, nil)
	req.Body = io.NopCloser(bytes.NewReader(nil)) // want `setting Body on a HEAD request`
	http.DefaultClient.Do(req)
}
