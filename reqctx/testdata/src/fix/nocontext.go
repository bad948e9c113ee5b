package fix

import "net/http"

// No context in scope: the fix passes context.TODO(), imported.
func build(u string) (*http.Request, error) {
	return http.NewRequestWithContext(nil, "GET", u, nil) // want `http.NewRequestWithContext with a nil context`
}
