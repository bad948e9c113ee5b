package fix

import "net/http"

// The drain fixes add the io import the file lacks.
func healthy(url string) bool {
	resp, err := http.Get(url) // want `not closed on every path`
	if err != nil {
		return false
	}
	return resp.StatusCode == http.StatusOK
}
