// Package retrylib is a retry helper in a package that reaches net: its
// callsRepeatedly fact crosses packages.
package retrylib

import (
	"net/http"
	"time"
)

var _ http.Handler

// Do calls op until it succeeds or attempts run out.
func Do(attempts int, op func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = op(); err == nil {
			return nil
		}
		time.Sleep(time.Duration(i) * time.Second)
	}
	return err
}

// Notify wraps Do: it hands op on to a function that repeats it.
func Notify(op func() error, notify func(error)) error {
	return Do(3, func() error {
		err := op()
		if err != nil {
			notify(err)
		}
		return err
	})
}

// Once calls op once.
func Once(op func() error) error { return op() }
