// Package nilbody defines an Analyzer that reports RoundTrippers that
// return a response without a Body, or no response and no error.
//
// # Analyzer nilbody
//
// nilbody: report RoundTrippers that return an http.Response without a Body, or nil and nil
//
// http.Client fills in an empty Body when a RoundTripper returns a
// response whose Body is nil, but nothing else does: middleware that calls
// RoundTrip directly (instrumentation, retries, logging, another
// RoundTripper wrapping this one) reads resp.Body and panics, and a nil
// Body with a ContentLength above zero is an error from Client. A
// RoundTripper that returns a nil response with a nil error breaks the
// http.RoundTripper contract: Client fails with "returned a nil *Response
// with a nil error".
//
// The analyzer checks the RoundTrip methods of types (they implement
// http.RoundTripper), and the function literals and functions converted to
// a named func type that implements http.RoundTripper (a RoundTripperFunc),
// where they are converted, passed, assigned, declared or returned with
// that type. In them it reports, on returns whose error is the literal nil:
//
//   - return nil, nil;
//   - a returned &http.Response{…} literal without a Body, or with
//     Body: nil;
//   - a response variable returned on a path where its Body was never
//     set: built from such a literal, new(http.Response), or
//     var resp http.Response, and given no Body before the return on some
//     path (field by field), or whose Body is assigned nil;
//   - the response of a helper that builds one without a Body on some
//     path, returned as is: such helpers carry the bodylessResult fact,
//     in their package and across packages.
//
// It also reports return nil, err where the local err is still nil on
// some path to the return: declared without a value or assigned nil, and
// set by nothing on that path (a retry loop's abort branch). A path ends,
// with nothing reported, at any other assignment, on the branch of an
// err != nil (or == nil) test where it is not nil, and at the entry (a
// parameter or named result); an err whose address is taken or that a
// function literal refers to is not followed.
//
// Test files are checked too (test doubles are where this lives);
// -nilbody.tests=false turns them off.
//
// Not reported: a response with a non-nil error (Client ignores it); a
// response taken from a call without that fact (an inner RoundTripper's),
// a parameter or a field; a response variable passed to a function, stored,
// captured by a closure, or whose Body's address is taken anywhere on the
// path (the Body may be set out of sight); a bare return with named
// results; function literals with the RoundTrip signature that are not
// converted to a RoundTripper type (a field standing in for Client.Do).
//
// The fix adds Body: http.NoBody to the literal, or replaces the nil with
// http.NoBody; a helper's response or new(http.Response) gets the message
// only.
package nilbody
