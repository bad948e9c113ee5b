package ignore

import (
	"net/http"
	"strings"
)

func f(u string) {
	//httpvet:ignore getbody // want `httpvet:ignore directive needs a reason after the analyzer names`
	http.NewRequest(http.MethodGet, u, strings.NewReader("x")) // want `GET request built by`

	//httpvet:ignore // want `httpvet:ignore directive names no analyzer`
	http.NewRequest(http.MethodGet, u, strings.NewReader("x")) // want `GET request built by`

	//httpvet:ignore timeouts the wrong analyzer
	http.NewRequest(http.MethodGet, u, strings.NewReader("x")) // want `GET request built by`

	//httpvet:ignore bodyclose // not this analyzer's directive: reported by bodyclose only
	http.NewRequest(http.MethodGet, u, strings.NewReader("x")) // want `GET request built by`
}
