package broken

import "net/http"

func f(h undefined) error {
	srv := &http.Server{Handler: h, ReadTimeout: nope}
	c := &http.Client{Timeout: missing}
	c.Do(nil, 1)
	var s http.Server = 3
	s.ListenAndServe(4)
	x := &http.Server{Addr: unknown} // the rest type-checks
	x.ListenAndServe()
	undefinedFunc(srv)
	http.ListenAndServe(":80")
	for _, s := range undefinedSlice {
		s.ListenAndServe()
	}
	return srv.ListenAndServe()
}
