package broken

import (
	"context"
	"net/http"
)

func f(ctx context.Context, u string) {
	req, err := http.NewRequest(undefined, u, nil)
	http.DefaultClient.Do(req)
	resp, err := http.Get(missing)
	x := http.NewRequestWithContext(nil)
	var c *http.Client
	c.Get()
	req.WithContext()
	req.Cancel = nope
	_ = &http.Request{Cancel: }
}

func (s *undefinedType) g() {
	http.Get("u")
}

func h(ctx context.Context) {
	http.NewRequest(
