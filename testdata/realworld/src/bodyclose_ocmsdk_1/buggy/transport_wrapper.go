// Package retry is reduced from openshift-online/ocm-sdk-go's retry
// package: a RoundTripper that wraps another one and retries a request on
// connection errors, on 429 and 503, and on other 5xx answers to a GET
// (logging.Logger is a small local stand-in).
//
// https://github.com/openshift-online/ocm-sdk-go/pull/804
//
// Bug: on a 429, a 503 or a retried 5xx the loop went round again and the
// next attempt overwrote the named result response without closing the
// previous response's Body, leaking a connection per retried attempt; the
// fix closes the Body before each continue.
package retry

import (
	"bytes"
	"context"
	"io"
	"math/rand"
	"strings"

	"fmt"
	"net/http"
	"time"
)

// Logger stands in for logging.Logger.
type Logger interface {
	Debug(ctx context.Context, format string, args ...interface{})
	Warn(ctx context.Context, format string, args ...interface{})
	Error(ctx context.Context, format string, args ...interface{})
}

// roundTripper is a round tripper that adds retry logic.
type roundTripper struct {
	logger    Logger
	limit     int
	interval  time.Duration
	jitter    float64
	transport http.RoundTripper
}

// Make sure that we implement the interface:
var _ http.RoundTripper = (*roundTripper)(nil)

// RoundTrip is the implementation of the round tripper interface.
func (t *roundTripper) RoundTrip(request *http.Request) (response *http.Response, err error) {
	// Get the context:
	ctx := request.Context()

	// If the request has a body then we need to read it fully and copy it in memory, so that we
	// can later use that copy to retry the request. We also need to restore the old body before
	// returning because the caller my rely on the type of body that it passed, for example.
	originalBody := request.Body
	defer func() {
		request.Body = originalBody
	}()
	var bodyCopy []byte
	if originalBody != nil {
		bodyCopy, err = io.ReadAll(originalBody)
		if err != nil {
			return
		}
	}

	// Try to send the request till it succeeds or else the retry limit is exceeded:
	attempt := 0
	for {
		// If this is not the first attempt then we should wait:
		if attempt > 0 {
			t.sleep(ctx, attempt)
		}

		// Each time that we retry the request we need to rewind the request body:
		if bodyCopy != nil {
			request.Body = io.NopCloser(bytes.NewBuffer(bodyCopy))
		}

		// Do an attempt, and return inmediately if this is the last one:
		response, err = t.transport.RoundTrip(request)
		attempt++
		if attempt > t.limit {
			return
		}

		// Handle errors without HTTP response:
		if err != nil {
			message := err.Error()
			switch {
			case strings.Contains(message, "EOF"):
				t.logger.Warn(
					ctx,
					"Request for method %s and URL '%s' failed with EOF, "+
						"will try again: %v",
					request.Method, request.URL, err,
				)
				continue
			case strings.Contains(message, "connection reset by peer"):
				t.logger.Warn(
					ctx,
					"Request for method %s and URL '%s' failed with connection "+
						"reset by peer, will try again: %v",
					request.Method, request.URL, err,
				)
				continue
			case strings.Contains(message, "PROTOCOL_ERROR"):
				t.logger.Warn(
					ctx,
					"Request for method %s and URL '%s' failed with protocol error, "+
						"will try again: %v",
					request.Method, request.URL, err,
				)
				continue
			case strings.Contains(message, "REFUSED_STREAM"):
				t.logger.Warn(
					ctx,
					"Request for method %s and URL '%s' failed with refused stream, "+
						"will try again: %v",
					request.Method, request.URL, err,
				)
				continue
			default:
				// For any other error we just report it to the caller:
				err = fmt.Errorf("can't send request: %w", err)
				return
			}
		}

		// Handle HTTP responses with error codes:
		method := request.Method
		code := response.StatusCode
		switch {
		case code == http.StatusServiceUnavailable || code == http.StatusTooManyRequests:
			// For 429 and 503 we know that the server didn't process the request, so we
			// can safely retry regardless of the method.
			t.logger.Warn(
				ctx,
				"Request for method %s and URL '%s' failed with code %d, "+
					"will try again",
				request.Method, request.URL, code,
			)
			continue
		case code >= 500 && method == http.MethodGet:
			// For any other 5xx status code we can't be sure if the server processed
			// the request, so we retry only GET requests, as those don't have side
			// effects.
			t.logger.Warn(
				ctx,
				"Request for method %s and URL '%s' failed with code %d, "+
					"will try again",
				request.Method, request.URL, code,
			)
			continue
		default:
			// For any other status code we can't be sure if the server processed the
			// request, so we just return the result to the caller.
			return
		}
	}
}

// sleep calculates a retry interval taking into account the configured interval and jitter factor
// and then waits that time.
func (t *roundTripper) sleep(ctx context.Context, attempt int) {
	// Start with the configured interval:
	interval := t.interval

	// Double the interval for each attempt:
	interval *= 1 << (attempt - 1)

	// Adjust the interval adding or subtracting a random amount. For example, if the jitter
	// factor given in the configuration is 0.1 will add or sustract up to a 10%.
	factor := t.jitter * (1 - 2*rand.Float64())
	delta := time.Duration(float64(interval) * factor)
	interval += delta

	// Go sleep for a while:
	t.logger.Debug(ctx, "Wating %s before next attempt", interval)
	time.Sleep(interval)
}
