package move

import (
	"bytes"
	"net/http"
	"strings"
)

func simple(c *http.Client, url string, data []byte) error {
	req, err := http.NewRequest("POST", url, bytes.NewReader(data))
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		resp, err := c.Do(req) // want `this Do runs again`
		if err != nil {
			continue
		}
		return resp.Body.Close()
	}
	return nil
}

func noCheck(c *http.Client, url, s string) {
	req, _ := http.NewRequest("PUT", url, strings.NewReader(s))
	for {
		if _, err := c.Do(req); err == nil { // want `this Do runs again`
			return
		}
	}
}

// usedAfter: req is used after the loop: reset only.
func usedAfter(c *http.Client, url string, data []byte) string {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	for i := 0; i < 3; i++ {
		c.Do(req) // want `this Do runs again`
	}
	return req.URL.String()
}

// readerVar: a reader built once: moving NewRequest alone would not help.
func readerVar(c *http.Client, url string, data []byte) {
	r := bytes.NewReader(data)
	req, _ := http.NewRequest("POST", url, r)
	for i := 0; i < 3; i++ {
		c.Do(req) // want `this Do runs again`
	}
}

// shadowed: url means the loop's variable inside the loop.
func shadowed(c *http.Client, url string, mirrors []string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	for _, url := range mirrors {
		req.Header.Set("X-Mirror", url)
		c.Do(req) // want `this Do runs again`
	}
}

// errAlone: the body declares err alone: moving would not compile.
func errAlone(c *http.Client, url string, data []byte, check func() error) error {
	req, err := http.NewRequest("POST", url, bytes.NewReader(data))
	if err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		err := check()
		if err != nil {
			return err
		}
		c.Do(req) // want `this Do runs again`
	}
	return nil
}

// commented: the moved line ends in a comment, which gofmt would realign
// next to the loop's first line: reset only.
func commented(c *http.Client, url string, data []byte) {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data)) // the payload
	for i := 0; i < 3; i++ {
		c.Do(req) // want `this Do runs again`
	}
}
