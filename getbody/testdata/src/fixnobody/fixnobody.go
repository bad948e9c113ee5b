package fixnobody

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// send skips the body when the payload is nil.
func send(method, u string, payload any) (*http.Request, error) { // want send:`encoded by json.Marshal unless nil`
	var body io.Reader
	if payload != nil {
		data, err := json.Marshal(payload)
		if err != nil {
			return nil, err
		}
		body = bytes.NewReader(data)
	}
	return http.NewRequest(method, u, body)
}

type filter struct{ Name string }

func use(u string) {
	// http.NoBody as a payload encodes to {}: passing nil sends what was
	// meant, no body, and keeps the GET. -fix applies that.
	send(http.MethodGet, u, http.NoBody)            // want `GET request built by send carries a body, from its payload argument encoded with json.Marshal \(http.NoBody, which json.Marshal encodes as \{\}\)`
	send(http.MethodGet, u, map[string]string{})    // want `\(map\[string\]string\{\}, which json.Marshal encodes as \{\}\)`
	send(http.MethodGet, u, filter{Name: "active"}) // want `GET request built by send carries a body, from its payload argument encoded with json.Marshal \(filter\{Name: "active"\}\)`
}
