package released

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"os"
)

// Read to EOF on every path and returned on success (tailscale's
// doLocalRequestNiceError): the error paths released the connection.
func niceError(c *http.Client, req *http.Request) (*http.Response, error) {
	res, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if res.StatusCode == http.StatusForbidden {
		all, _ := io.ReadAll(res.Body)
		return nil, errors.New(string(all))
	}
	return res, nil
}

// io.Copy to a writer reads to EOF too (tailscale's PushFile, runLocalAPI).
func copyOut(c *http.Client, url string) error {
	res, err := c.Get(url)
	if err != nil {
		return err
	}
	if res.StatusCode == 200 {
		io.Copy(io.Discard, res.Body)
		return nil
	}
	io.Copy(os.Stdout, res.Body)
	return errors.New(res.Status)
}

// In a loop, a read error continues: the Transport closed that
// connection already (rclone's plex play events).
func cacheAll(c *http.Client, urls []string, cache map[string][]byte) {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			continue
		}
		cache[u] = data
	}
}

// A scanner may stop before EOF: reported.
func firstLine(c *http.Client, url string) (string, error) {
	resp, err := c.Get(url) // want `leaks at the return on line 63 unless the body was read to EOF`
	if err != nil {
		return "", err
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Scan()
	return sc.Text(), nil
}
