package usehelpers

import (
	"errors"
	"net/http"

	"helpers"
)

// The body is read to EOF by a helper before the status return (rclone's
// jwtutil): the connection is released, the late defer is only form.
func token(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url)
	if err != nil {
		return "", err
	}
	s, err := helpers.ReadString(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return s, nil
}

// A decoder may stop short of EOF: reported.
func decodeLate(c *http.Client, url string, v any) error {
	resp, err := c.Get(url) // want `leaks at the returns on lines 35, 38 unless the body was read to EOF`
	if err != nil {
		return err
	}
	if err := helpers.Decode(resp.Body, v); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	defer resp.Body.Close()
	return nil
}
