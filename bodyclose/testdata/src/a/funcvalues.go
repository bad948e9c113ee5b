package a

import (
	"net/http"

	"helpers"
)

// A named function type whose results hold a response: a function that
// calls a value of it need not mention net/http at all.
type getFunc func() (*http.Response, error)

func getDiscarded(g getFunc) {
	g() // want `response of g is discarded without closing its body`
}

type getURLFunc func(string) (*http.Response, error)

var getters map[string]getURLFunc

func gettersDiscarded() {
	getters["x"]("http://x") // want `response of getters\["x"\] is discarded without closing its body`
}

// The same with a type of another package.
func fetchDiscarded(f helpers.FetchFunc) {
	f("http://x") // want `response of f is discarded without closing its body`
}

// The literal mentions net/http, the function that calls it does not.
func literalDiscarded() {
	func() (*http.Response, error) { return http.Get("http://x") }() // want `is discarded without closing its body`
}
