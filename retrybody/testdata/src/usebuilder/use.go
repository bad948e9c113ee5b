package usebuilder

import (
	"builder"
	"bytes"
	"context"
	"net/http"
	"net/url"
)

func post(ctx context.Context, c *builder.Client, data []byte) error {
	req, err := c.NewRequest(ctx, "POST", "/items", bytes.NewReader(data))
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		if _, err := c.HC.Do(req); err == nil { // want `this Do runs again on the same request after it consumed the body of req, so a retry sends an empty body or fails; reset req.Body from req.GetBody before each attempt`
			return nil
		}
	}
	return nil
}

func get(ctx context.Context, c *builder.Client) {
	req, _ := c.NewRequest(ctx, "GET", "/items", nil)
	for i := 0; i < 3; i++ {
		c.HC.Do(req)
	}
	req2, _ := builder.Get("http://x")
	for i := 0; i < 3; i++ {
		c.HC.Do(req2)
	}
	req3, _ := builder.Upload("http://x", nil)
	for i := 0; i < 3; i++ {
		c.HC.Do(req3)
	}
}

func upload(hc *http.Client, data []byte, s string) {
	req, _ := builder.Upload("http://x", data)
	for i := 0; i < 3; i++ {
		hc.Do(req) // want `this Do runs again on the same request after it consumed the body of req, so a retry sends an empty body or fails; reset req.Body from req.GetBody before each attempt`
	}
	req2 := builder.Text("http://x", s)
	for i := 0; i < 3; i++ {
		hc.Do(req2) // want `this Do runs again`
	}
	req3 := builder.Text("http://x", "")
	for i := 0; i < 3; i++ {
		hc.Do(req3)
	}
}

func fixedBody(hc *http.Client) {
	req, _ := builder.Fixed("http://x")
	for i := 0; i < 3; i++ {
		hc.Do(req) // want `this Do runs again`
	}
}

// A helper that encodes the payload: the request has a body.
func createItem(hc *http.Client, item map[string]string) error {
	req, err := builder.NewJSONRequest("POST", "http://x/items", item)
	if err != nil {
		return err
	}
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := hc.Do(req) // want `this Do runs again on the same request after it consumed the body of req`
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return nil
}

// Fixed: a new request each attempt.
func createItemFixed(hc *http.Client, item map[string]string) error {
	for attempt := 0; attempt < 3; attempt++ {
		req, err := builder.NewJSONRequest("POST", "http://x/items", item)
		if err != nil {
			return err
		}
		resp, err := hc.Do(req)
		if err == nil {
			resp.Body.Close()
			return nil
		}
	}
	return nil
}

func submitForm(hc *http.Client, vals url.Values) {
	req, _ := builder.PrepareForm("http://x/form", vals, nil)
	for i := 0; i < 3; i++ {
		hc.Do(req) // want `this Do runs again`
	}
}
