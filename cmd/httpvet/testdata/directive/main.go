// Package main misspells an analyzer's name in a directive.
package main

import (
	"net/http"
	"strings"
)

func main() {
	//httpvet:ignore getbdy the fixture's API takes a GET body
	http.NewRequest("GET", "http://localhost:1", strings.NewReader("q"))
}
