// Package handoff: a response handed to an optional callback leaks on the
// path that skips it; the finding names that branch, since the return
// after it is shared with the path that handed the response on.
package handoff

import (
	"net/http"
)

type ResponseCallback func(*http.Response) error

func DoRequest(c *http.Client, req *http.Request, callback ResponseCallback) error {
	resp, err := c.Do(req) // want `leaks at the return on line 22, where callback != nil is false \(line 17\); close resp.Body in an else branch of the if statement on line 17, not before the return`
	if err != nil {
		return err
	}
	if callback != nil {
		if err := callback(resp); err != nil {
			return err
		}
	}
	return nil
}

// The fixed version: the else branch closes.
func DoRequestFixed(c *http.Client, req *http.Request, callback ResponseCallback) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	if callback != nil {
		if err := callback(resp); err != nil {
			return err
		}
	} else {
		resp.Body.Close()
	}
	return nil
}
