package fix

import (
	"net/http"
)

func server(h http.Handler) error {
	srv := &http.Server{ // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
		Addr:    ":8080",
		Handler: h,
	}
	return srv.ListenAndServe()
}

func serverOneLine(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h} // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
	return srv.ListenAndServe()
}

func serverEmpty() error {
	return (&http.Server{}).ListenAndServe() // want `http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout`
}

func client(u string) (*http.Response, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return nil, err
	}
	c := &http.Client{} // want `http.Client without Timeout`
	return c.Do(req)
}

func transport() *http.Client {
	return &http.Client{Transport: &http.Transport{ // want `http.Transport literal without`
		MaxIdleConns: 10,
	}}
}
