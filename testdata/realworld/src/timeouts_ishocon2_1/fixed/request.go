// Command benchmarker is reduced from showwin/ISHOCON2's benchmarker
// requests (http2.ConfigureTransport, from golang.org/x/net, is a local
// stand-in that takes the Transport the same way).
//
// https://github.com/showwin/ISHOCON2/issues/32
//
// Bug: each client's Transport was a literal with only TLSClientConfig set,
// so it had no TLS handshake timeout and the benchmark hung when the server
// stalled in the handshake; the fix (PR #34) clones http.DefaultTransport
// and sets TLSClientConfig on the clone.
package main

import (
	"crypto/tls"
	"errors"
	"log"
	"math/rand"
	"net/http"
	"net/url"
	"strings"
	"time"
)

var host = "https://127.0.0.1:443"

// configureTransport stands in for golang.org/x/net/http2.ConfigureTransport.
func configureTransport(t1 *http.Transport) error {
	if t1.TLSClientConfig == nil {
		return errors.New("no TLS config")
	}
	t1.TLSClientConfig.NextProtos = append(t1.TLSClientConfig.NextProtos, "h2", "http/1.1")
	return nil
}

var clients []http.Client

func createClients(size int) {
	clients = make([]http.Client, size)
	for i := 0; i < size; i++ {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
		if err := configureTransport(tr); err != nil {
			log.Fatalf("Failed to configure h2 transport: %s", err)
		}
		clients[i] = http.Client{Transport: tr}
	}
	rand.Seed(time.Now().Unix())
}

func httpsRequest(method string, path string, params url.Values) int {
	req, _ := http.NewRequest(method, host+path, strings.NewReader(params.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	client := clients[rand.Intn(len(clients))]

	resp, err := client.Do(req)
	if err != nil {
		log.Print(err)
		return 500
	}
	defer resp.Body.Close()

	return resp.StatusCode
}

func main() {
	createClients(10)
	prm := url.Values{}
	prm.Add("name", "x")
	for i := 0; i < 100; i++ {
		httpsRequest("POST", "/vote", prm)
	}
}
