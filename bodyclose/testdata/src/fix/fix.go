package fix

import (
	"fmt"
	"io"
	"net/http"
)

func afterCheck(url string) error {
	resp, err := http.Get(url) // want `not closed on every path`
	if err != nil {
		return err
	}
	fmt.Println(resp.StatusCode)
	return nil
}

// The leaking path reads the body through a short limit, so maybe not to
// EOF: a plain deferred Close is enough.
func readAll(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `not closed on every path`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(resp.Body, 4<<10))
}

// mustGet sends and returns no error: its callers must close.
func mustGet(url string) *http.Response {
	resp, err := http.Get(url)
	if err != nil {
		panic(err)
	}
	return resp
}

func noError(url string) int {
	resp := mustGet(url) // want `not closed on every path`
	return resp.StatusCode
}

func ignoredError(url string) int {
	resp, _ := http.Get(url) // want `not closed on every path`
	return resp.StatusCode
}

func poll(url string) bool {
	resp, err := http.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close() // want `closed unread`
	return resp.StatusCode == http.StatusOK
}

func status(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close() // want `closed unread`
	return resp.StatusCode, nil
}

// No fix: closed in one branch already.
func oneBranch(url string) error {
	resp, err := http.Get(url) // want `not closed on every path`
	if err != nil {
		return err
	}
	if resp.StatusCode == 200 {
		return nil
	}
	resp.Body.Close() // want `closed unread`
	return nil
}

// No fix: the error is not checked right after the call.
func lateCheck(url string) error {
	resp, err := http.Get(url) // want `not closed on every path`
	fmt.Println("got")
	if err != nil {
		return err
	}
	fmt.Println(resp.Status)
	return nil
}
