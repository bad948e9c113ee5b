package fixflags

import (
	"net/http"
	"time"
)

func client(u string) (*http.Response, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return nil, err
	}
	c := &http.Client{} // want `http.Client without Timeout`
	return c.Do(req)
}

func server(h http.Handler) error {
	_ = time.Now
	return http.ListenAndServe(":80", h) // want `http.ListenAndServe starts a server`
}
