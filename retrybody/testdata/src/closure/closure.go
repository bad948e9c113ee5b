// Package closure: a request built outside a closure that a retry helper
// calls again and again.
package closure

import (
	"backoff"
	"bytes"
	"errors"
	"net/http"
	"retrylib"
)

// retry is a local helper.
func retry(n int, fn func() error) error {
	var err error
	for i := 0; i < n; i++ {
		if err = fn(); err == nil {
			return nil
		}
	}
	return err
}

func post(c *http.Client, url string, data []byte) error {
	req, err := http.NewRequest("POST", url, bytes.NewReader(data))
	if err != nil {
		return err
	}
	return retry(3, func() error {
		resp, err := c.Do(req) // want `this Do runs each time retry calls this function again, on the same request req whose body the first attempt consumed`
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 500 {
			return errors.New(resp.Status)
		}
		return nil
	})
}

// Fixed: the request is built inside the closure, each attempt.
func postFixed(c *http.Client, url string, data []byte) error {
	return retry(3, func() error {
		req, err := http.NewRequest("POST", url, bytes.NewReader(data))
		if err != nil {
			return err
		}
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return nil
	})
}

// Fixed too: the body is reset before each send.
func postReset(c *http.Client, url string, data []byte) error {
	req, err := http.NewRequest("POST", url, bytes.NewReader(data))
	if err != nil {
		return err
	}
	return retry(3, func() error {
		req.Body, _ = req.GetBody()
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// A helper in another package, and its wrapper.
func postLib(c *http.Client, url string, data []byte) error {
	req, _ := http.NewRequest("PUT", url, bytes.NewBuffer(data))
	return retrylib.Notify(func() error {
		resp, err := c.Do(req) // want `this Do runs each time Notify calls this function again`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}, func(error) {})
}

// A GET without a body is fine to retry.
func get(c *http.Client, url string) error {
	req, _ := http.NewRequest("GET", url, nil)
	return retrylib.Do(3, func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// Once calls its function once.
func once(c *http.Client, url string, data []byte) error {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	return retrylib.Once(func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

// A helper whose package reaches no net: its body is out of sight, so
// nothing is reported (see the analyzer's doc).
func postBackoff(c *http.Client, url string, data []byte) error {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	return backoff.Retry(func() error {
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}

type dispatcher struct{ c *http.Client }

// doPost returns a function that sends its request parameter.
func (d *dispatcher) doPost(req *http.Request) func() error {
	return func() error {
		resp, err := d.c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

func (d *dispatcher) send(url string, data []byte) error {
	req, err := http.NewRequest("POST", url, bytes.NewReader(data))
	if err != nil {
		return err
	}
	return retry(3, d.doPost(req)) // want `d.doPost\(req\) returns a function that sends req, and retry calls it again and again`
}

// A GET without a body is fine to retry through it.
func (d *dispatcher) get(url string) error {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return err
	}
	return retry(3, d.doPost(req))
}

// Fixed: the returned function builds the request on each call.
func (d *dispatcher) doPostFresh(url string, data []byte) func() error {
	return func() error {
		req, err := http.NewRequest("POST", url, bytes.NewReader(data))
		if err != nil {
			return err
		}
		resp, err := d.c.Do(req)
		if err != nil {
			return err
		}
		return resp.Body.Close()
	}
}

func (d *dispatcher) sendFresh(url string, data []byte) error {
	return retry(3, d.doPostFresh(url, data))
}

// Called once: no retry.
func (d *dispatcher) sendOnce(url string, data []byte) error {
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	return retrylib.Once(d.doPost(req))
}
