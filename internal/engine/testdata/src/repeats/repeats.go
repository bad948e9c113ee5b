package repeats // want package:"netPackage"

// Functions that call a function parameter more than once carry
// callsRepeatedly.

import (
	"net/http"
	"time"
)

var _ http.Handler

func Retry(n int, op func() error) error { // want Retry:"callsRepeatedly\\[1\\]"
	var err error
	for i := 0; i < n; i++ {
		if err = op(); err == nil {
			return nil
		}
	}
	return err
}

// Poll calls cond in the loop's condition.
func Poll(cond func() bool) { // want Poll:"callsRepeatedly\\[0\\]"
	for !cond() {
		time.Sleep(time.Second)
	}
}

// Each calls fn for every element.
func Each(xs []int, fn func(int)) { // want Each:"callsRepeatedly\\[1\\]"
	for _, x := range xs {
		fn(x)
	}
}

// Wrap hands op on to Retry, inside a literal Retry repeats (and log too).
func Wrap(op func() error, log func(error)) error { // want Wrap:"callsRepeatedly\\[0 1\\]"
	return Retry(3, func() error {
		err := op()
		if err != nil {
			log(err)
		}
		return err
	})
}

// Pass hands op on as is.
func Pass(op func() error) error { return Retry(2, op) } // want Pass:"callsRepeatedly\\[0\\]"

// Once calls op once, before a loop that does not call it.
func Once(op func() error, xs []int) error {
	err := op()
	for range xs {
	}
	return err
}

// Later keeps op in a goroutine's literal: not followed.
func Later(op func() error) {
	go func() {
		for {
			op()
		}
	}()
}
