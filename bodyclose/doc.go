// Package bodyclose defines an Analyzer that reports HTTP response bodies
// that are not closed on every path, and bodies closed without being read.
//
// # Analyzer bodyclose
//
// bodyclose: report response bodies not closed on every path, or closed without being drained
//
// The caller of http.Get, (*http.Client).Do and every other function that
// returns a *http.Response must close its Body: an unclosed body keeps the
// connection, and the Transport's goroutines for it, alive. Closing a body
// that was never read does not return the connection to the pool either:
// the Transport closes it, and the next request pays a new TCP and TLS
// handshake.
//
// A source is a call whose result, or one result of its tuple, is exactly
// *net/http.Response (matched with go/types): http.Get, Head, Post,
// PostForm, the Client methods, RoundTrip, third-party wrappers, function
// values, generic functions instantiated with it. The analyzer follows
// every path of the control-flow graph (golang.org/x/tools/go/cfg) from
// the call to the function's exit, skipping the branch where the call's
// error is not nil or the response is nil, and reports:
//
//   - a response whose Body is not closed on some path: a return before
//     the defer, a status or decode error path, a switch default, falling
//     off the end of the function (the message names the line where the
//     path leaves); panic, os.Exit, log.Fatal and t.Fatal end a path
//     without a leak;
//   - a response variable assigned again (a retry or polling loop, a
//     continue that goes back to the call) while its body is still open;
//   - a response discarded: the call as a statement, or assigned to _;
//   - with -drain (on by default): a Close reached on some path where
//     nothing read the body (a deferred Close after an unhandled status
//     code, a polling loop that only looks at the status). Any read
//     counts: Read, io.ReadAll, io.Copy, a JSON/XML decoder, a scanner, a
//     LimitReader, a helper that reads it. The check runs only when the
//     request is known not to be a HEAD request: http.Get, Post, PostForm
//     and the Client methods of those names, or Do/RoundTrip of a request
//     built in the same function by http.NewRequest[WithContext] with a
//     constant method other than HEAD and never changed. Paths through a
//     204 or 304 status test, a zero ContentLength test, or functions that
//     deal with 101 Switching Protocols are not reported.
//
// Ownership moves, and the obligation with it. Not reported: a response,
// its Body or an alias of either (body := resp.Body) that is returned,
// sent on a channel, stored in a field, map, slice, global or struct
// literal, captured by a closure or goroutine (including t.Cleanup and a
// deferred func literal with a parameter), passed as a method value
// (resp.Body.Close), or passed to any function the analysis cannot see
// into: interface methods, function values, functions without facts.
// That last choice favors silence: a helper may close what it receives.
// Functions analyzed in this package or another carry facts instead:
//
//   - params(closes=#i): the function closes the body of parameter i (a
//     *http.Response, or an io.Closer/io.ReadCloser) on every path;
//   - params(borrows=#i): it neither closes nor keeps parameter i, so the
//     caller still owes the Close (a status check, a JSON decode helper);
//   - params(reads=#i): it reads the body of parameter i on some path;
//   - closedResult: on some path that does not return an error it
//     returns a response whose body it closed, replaced
//     (resp.Body = io.NopCloser(…)), handed to a function that may close
//     it (a decode callback), or built itself (&http.Response{…}); or a
//     response whose every assignment, retry closures included, comes
//     from such a function.
//     Its callers are not checked: they cannot tell which response they
//     get (a wrapper that buffers error bodies), and a wrapper that reads
//     and closes the body leaves them nothing to close. An interface
//     method whose implementations in its own package (test files aside)
//     all carry the fact carries it too (an SDK interface and its client).
//
// Also not reported: httptest.ResponseRecorder.Result and
// http.ReadResponse (no pooled connection); responses to HEAD requests
// known as such (http.Head, Client.Head, Do of a request built with the
// constant method HEAD: no body, the connection is reused at once); a call
// that takes a *http.Response and returns one (a setter returning its
// argument); types that merely mention *http.Response; variables that are
// parameters, named results, captured from an enclosing function or used
// by a closure written before the call. Paths end, silently, at a test of
// the call's error the analysis does not model (errors.Is(err, …), a type
// switch), or of a value computed from it (retry, err := shouldRetry(err)).
// Leaks in _test.go files are reported only with -tests (see below).
//
// Fixes: for a leak, insert defer resp.Body.Close() (with the variable's
// real name) after the if err != nil { … } that directly follows the
// call, or after the call when it returns no error; only when the function
// does nothing else with the response and the call is not in a loop; when
// the leaking path read nothing, the deferred drain and close below. For
// an undrained body, turn defer resp.Body.Close() into
// defer func() { _, _ = io.Copy(io.Discard, resp.Body); _ = resp.Body.Close() }(),
// or insert the io.Copy before a resp.Body.Close() statement, adding the
// io import when missing.
//
// Flags:
//
//	-drain=true   report bodies closed without being read
//	-tests=true   also check _test.go files
package bodyclose
