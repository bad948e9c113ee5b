// Package retry is reduced from streadway/handy's retry package: a
// RoundTripper that sends through Next, asks a Retryer whether to retry,
// and loops.
//
// https://github.com/streadway/handy/pull/15
//
// Bug: on a Retry decision the loop went round again and dropped the
// attempt's response without closing its Body, leaking one connection per
// retried attempt; on Abort it returned that response together with the
// Retryer's error, and net/http ignores a response returned with an error,
// so that Body was never closed either. The fix closes the Body on Retry and
// Abort and returns a nil response with the error.
package retry

import (
	"net/http"
	"time"
)

var now = time.Now

// Attempt counts the round trips issued, starting from 1.  Response is valid
// only when Err is nil.
type Attempt struct {
	Start time.Time
	Count uint
	Err   error
	*http.Request
	*http.Response
}

// Delayer sleeps or selects any amount of time for each attempt.
type Delayer func(Attempt)

// Decision signals the intent of a Retryer
type Decision int

const (
	Ignore Decision = iota
	Retry
	Abort
)

// Retryer chooses whether or not to retry this request.  The error is only
// valid when the Retyer returns Abort.
type Retryer func(Attempt) (Decision, error)

// DefaultRetryer stands in for the package's strategies.
var DefaultRetryer Retryer = func(a Attempt) (Decision, error) {
	if a.Response != nil && a.Response.StatusCode >= 500 && a.Count < 10 {
		return Retry, nil
	}
	return Ignore, nil
}

type Transport struct {
	// Delay is called for attempts that are retried.  If nil, no delay will be used.
	Delay Delayer

	// Retry is called for every attempt
	Retry Retryer

	// Next is called for every attempt
	Next http.RoundTripper
}

// RoundTrip delegates a RoundTrip, then determines via Retry whether to retry
// and Delay for the wait time between attempts.
func (t Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	var (
		retryer = t.Retry
		start   = now()
	)
	if retryer == nil {
		retryer = DefaultRetryer
	}

	for count, retry := 1, true; retry; count++ {
		// Perform request
		res, err := t.Next.RoundTrip(req)

		// Collect result of attempt
		attempt := Attempt{
			Start:    start,
			Count:    uint(count),
			Err:      err,
			Request:  req,
			Response: res,
		}

		// Evaluate attempt
		retry, retryErr := retryer(attempt)

		// Override error by retrier evaluation
		if retryErr != nil {
			err = retryErr
		}

		// Return response and error if we did not evaluate to Retry decision
		if retry != Retry {
			return res, err
		}

		// Delay next attempt
		if t.Delay != nil {
			t.Delay(attempt)
		}
	}
	panic("unreachable")
}
