// Package nilbody defines an Analyzer that reports RoundTrippers that
// return a response without a Body, or no response and no error.
//
// # Analyzer nilbody
//
// nilbody: report RoundTrippers that return an http.Response without a Body, or nil and nil
//
// http.Client fills in an empty body when a RoundTripper returns a response
// whose Body is nil, but nothing else does: middleware that calls `RoundTrip`
// directly — instrumentation, retries, logging, another RoundTripper wrapping
// this one — reads `resp.Body` and panics, and a nil Body with a ContentLength
// above zero is an error from Client (net/http works around exactly this,
// golang/go#38095). A RoundTripper that returns `nil, nil` breaks the
// interface's contract: Client fails with "returned a nil *Response with a nil
// error".
//
// # Checked
//
// The `RoundTrip` methods of types (they implement `http.RoundTripper`), and
// function literals and functions converted to a named func type that
// implements `http.RoundTripper` (a `RoundTripperFunc`) — converted, passed as
// an argument, assigned, declared, put in a struct field or a map, or returned
// with that type. Test code is not checked by default: a test double without
// a Body costs nothing outside the test binary, and is often what the test is
// about (a transport's handling of a nil Body); `-nilbody.tests` and `-strict`
// check it, as contract findings.
//
// # Reported
//
// On a return whose error is the literal `nil`:
//
//   - `return nil, nil`;
//   - a returned `&http.Response{…}` literal without a `Body`, or with `Body:
//     nil`;
//   - a response variable returned on a path where its `Body` was never set:
//     built from such a literal, from `new(http.Response)` or declared as `var
//     resp http.Response`, and filled in field by field without a `Body` on
//     some path to the return; or whose `Body` is assigned `nil`;
//   - the response of a helper that builds one without a `Body` on some path
//     (`return ok(), nil`, `return status(204)`), returned as is: such helpers
//     carry the fact `bodylessResult`, in their package and across packages.
//
// Also `return nil, err` where the local `err` is still `nil` on some path to
// the return — declared without a value or assigned `nil`, and set by nothing
// on that path (a retry loop whose abort branch breaks out before any
// attempt). A path ends, with nothing reported, at any other assignment (a
// call's error may be anything), on the branch of an `err != nil` (or `err ==
// nil`) test where it is not nil, and at the function's entry (a parameter or
// named result); an `err` whose address is taken or that a function literal
// refers to is not followed.
//
// Bad: a wrapper that calls `RoundTrip` itself, or reads `resp.Body`, panics.
//
//	func (s stub) RoundTrip(req *http.Request) (*http.Response, error) {
//		return &http.Response{StatusCode: s.status, Request: req}, nil
//	}
//
// Good: an empty body, which every caller can read and close.
//
//	func (s stub) RoundTrip(req *http.Request) (*http.Response, error) {
//		return &http.Response{StatusCode: s.status, Request: req, Body: http.NoBody}, nil
//	}
//
// # Fix
//
// "Set Body to http.NoBody": `Body: http.NoBody` is added to the literal
// (formatted as gofmt formats it), or the `nil` is replaced with
// `http.NoBody`; the import of `net/http` is added if the file lacks it. A
// response from `new(http.Response)`, `var resp http.Response` or a helper
// gets the message only.
//
// # Not reported, on purpose
//
// A response returned with an error that is not the literal `nil` (Client
// ignores it); a response taken from a call without the `bodylessResult` fact
// (an inner RoundTripper's), a parameter or a field; a response variable that
// is passed to a function, stored, captured by a closure, or whose Body's
// address is taken on the path (its Body may be set out of sight); a bare
// `return` with named results; function literals with the `RoundTrip`
// signature that are not converted to a RoundTripper type (a field standing in
// for `Client.Do`).
//
// # Strict
//
// `-strict` turns `-nilbody.tests` on: the RoundTrippers of test code are
// reported too, as contract findings. Every shape reported outside test code
// costs something at run time (class cost).
//
// # Flags
//
//	-nilbody.tests=false  also check test code, as contract findings (on in
//	                      strict mode)
//
// What counts as [test code] is the same for every analyzer.
//
// # Tests
//
// Each rule, and the packages under nilbody/testdata/src that hold its
// positive and negative cases:
//
//   - Reported and Not reported, on purpose: a,
//     errnil (an error variable still nil on some path); helpers and
//     usehelpers (facts of response builders across packages)
//   - Fix: fix (golden files)
//   - Test code: a (a _test.go file, not reported by default); withtests
//     (-nilbody.tests)
//   - Code with type errors is not reported on, and does not crash: broken
//
// [test code]: https://github.com/httpvet/httpvet/blob/main/README.md#test-code
package nilbody
