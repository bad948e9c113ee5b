package api

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// The stand-ins for github.com/cenkalti/backoff/v5 below keep what made the
// bug: retry calls its operation again while it returns a retryable
// error, and drops the result of every attempt but the last.

type permanentError struct{ err error }

func (e *permanentError) Error() string { return e.err.Error() }
func (e *permanentError) Unwrap() error { return e.err }

// permanent stands in for backoff.Permanent.
func permanent(err error) error { return &permanentError{err: err} }

// retryAfterError stands in for backoff.RetryAfterError.
type retryAfterError struct{ Duration time.Duration }

func (e *retryAfterError) Error() string { return fmt.Sprintf("retry after %s", e.Duration) }

// exponentialBackOff stands in for backoff.ExponentialBackOff.
type exponentialBackOff struct {
	InitialInterval time.Duration
	MaxInterval     time.Duration
	current         time.Duration
}

func newExponentialBackOff() *exponentialBackOff {
	return &exponentialBackOff{InitialInterval: 500 * time.Millisecond, MaxInterval: time.Minute}
}

func (b *exponentialBackOff) nextBackOff() time.Duration {
	if b.current == 0 {
		b.current = b.InitialInterval
	} else {
		b.current = min(2*b.current, b.MaxInterval)
	}
	return b.current
}

type retryOptions struct {
	backOff        *exponentialBackOff
	maxTries       uint
	maxElapsedTime time.Duration
}

type retryOption func(*retryOptions)

func withBackOff(b *exponentialBackOff) retryOption {
	return func(o *retryOptions) { o.backOff = b }
}

func withMaxTries(n uint) retryOption {
	return func(o *retryOptions) { o.maxTries = n }
}

func withMaxElapsedTime(d time.Duration) retryOption {
	return func(o *retryOptions) { o.maxElapsedTime = d }
}

// retry stands in for backoff.Retry.
func retry[T any](ctx context.Context, operation func() (T, error), opts ...retryOption) (T, error) {
	o := retryOptions{backOff: newExponentialBackOff(), maxElapsedTime: 15 * time.Minute}
	for _, opt := range opts {
		opt(&o)
	}
	start := time.Now()
	for numTries := uint(1); ; numTries++ {
		res, err := operation()
		if err == nil {
			return res, nil
		}
		var perm *permanentError
		if errors.As(err, &perm) {
			return res, perm.err
		}
		if o.maxTries > 0 && numTries >= o.maxTries {
			return res, err
		}
		if o.maxElapsedTime > 0 && time.Since(start) > o.maxElapsedTime {
			return res, err
		}
		next := o.backOff.nextBackOff()
		var ra *retryAfterError
		if errors.As(err, &ra) {
			next = ra.Duration
		}
		timer := time.NewTimer(next)
		select {
		case <-ctx.Done():
			timer.Stop()
			var zero T
			return zero, ctx.Err()
		case <-timer.C:
		}
	}
}

// asType is errors.AsType, which the project's Go version has and this
// module's does not.
func asType[E error](err error) (E, bool) {
	var target E
	ok := errors.As(err, &target)
	return target, ok
}
