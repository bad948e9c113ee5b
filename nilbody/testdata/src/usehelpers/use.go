package usehelpers

import (
	"helpers"
	"net/http"
)

type fake struct{ code int }

func (f fake) RoundTrip(*http.Request) (*http.Response, error) {
	switch f.code {
	case 0:
		return helpers.OK(), nil // want `returns the http.Response of OK without a Body`
	case 1:
		return helpers.Indirect(), nil // want `returns the http.Response of Indirect without a Body`
	case 2:
		return helpers.WithBody("x"), nil
	case 3:
		resp := helpers.OK()
		resp.Body = http.NoBody
		return resp, nil
	case 4:
		return helpers.Status(f.code) // want `returns the http.Response of Status without a Body`
	case 5:
		return helpers.Failed()
	}
	resp := helpers.OK() // want `returns the http.Response of OK without a Body`
	resp.Header = http.Header{}
	return resp, nil
}
