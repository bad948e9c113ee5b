// Package wrapuse calls wrapdep's methods: the response they return has a
// closed body, through a chain of methods. The caller owes nothing.
package wrapuse

import (
	"fmt"
	"net/http"

	"wrapdep"
)

func create(c *wrapdep.Client) error {
	rec, resp, err := c.CreateRecord("x")
	if err != nil {
		return err
	}
	fmt.Println(rec.Name, resp.StatusCode)
	return nil
}

func status(c *wrapdep.Client) (int, error) {
	_, resp, err := c.CreateRecord("x")
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// Stream closes the body on some path (unless stream): its callers cannot
// tell which response they get, so neither call is reported.
func headersOnly(c *wrapdep.Client, req *http.Request) (string, error) {
	resp, err := c.Stream(req, false)
	if err != nil {
		return "", err
	}
	return resp.Header.Get("ETag"), nil
}

func streamed(c *wrapdep.Client, req *http.Request) (string, error) {
	resp, err := c.Stream(req, true)
	if err != nil {
		return "", err
	}
	return resp.Header.Get("ETag"), nil
}
