// Package retrybody defines an Analyzer that reports requests sent again
// after a send consumed their body.
//
// # Analyzer retrybody
//
// retrybody: report requests sent again after Do consumed their body
//
// Client.Do, and every RoundTrip, reads and closes req.Body. Sending the
// same *http.Request again — a retry loop around Do, a goto or continue
// back to it, a 401 or 429 handler that re-sends — transmits an empty body
// or fails with "http: ContentLength=N with Body length 0": retried POSTs
// arrive empty. NewRequest sets req.GetBody for *bytes.Buffer,
// *bytes.Reader and *strings.Reader bodies, but only redirects and the
// Transport's own retries use it, on copies of the request: the caller's
// req.Body stays consumed.
//
// The analyzer reports a send of a request that may run again on the same
// request value, on some path of the function's control-flow graph, with
// nothing in between that could give it a body again. A send is a call of
// (*http.Client).Do, of a RoundTrip method of the RoundTrip signature
// (http.RoundTripper, *http.Transport, any implementation), of a Do
// method of an interface with that signature, of a function value with
// that signature, or of a function that carries the sendsRequest fact. A
// request is a local variable or parameter, or a field of one (a struct
// embedding *http.Request); req.WithContext(ctx) and req.Clone(ctx) share
// its body. It has a body when, on a path that reaches the first send,
// NewRequest or NewRequestWithContext got a body other than nil,
// http.NoBody, an empty reader literal, or a local variable that holds
// one of those on every path; a helper with the requestBody fact got a
// non-empty argument for its body; an &http.Request{…} literal got a
// Body; or req.Body was assigned one.
//
// Between the sends, any of these ends the path, with nothing reported:
// an assignment to the request variable (a new request); a use of
// req.Body or req.GetBody (a reset, or code that handles the body); the
// request passed to a function that is not a send (a signer may reset
// the body), copied, or used as a whole in any way but a comparison with
// nil, printing, or a method that leaves the body alone (Context,
// Cookie, SetBasicAuth…); any use of the variable given to NewRequest as
// the body (a Seek, a Reset). Setting headers or other fields is not a
// reset.
//
// Wrappers: a function whose request parameter (or a field of one) it
// sends with the body it was given carries the fact sendsRequest
// ("sends req"), and one that may send it again in a loop also
// "resends req", in its package and across packages. A loop around a
// call of a sending wrapper is reported like a loop around Do; a call of
// a re-sending wrapper is reported at the call when the caller's request
// has a body. A request without a body (GET with nil) is fine.
//
// Helpers: a function that returns a request it built with NewRequest
// (or NewRequestWithContext) on every path, whose body is one of its
// parameters, as given or wrapped in a reader (bytes.NewReader(data),
// strings.NewReader(s)), or no body, carries the fact requestBody with
// those parameters: a client's newRequest(ctx, method, path, body). The
// caller's argument then says whether the request has a body.
//
// A helper that builds the request with a payload of its own (it encodes
// v into a buffer, fills a reader with form values, passes a constant)
// carries requestBody with Own set ("requestBody[] own"): its request
// has a body whatever the caller passes. A body that is the function's
// own parameter is a body, unless only the package calls the function
// (engine.Index.ArgsAt) and every call passes none (nil, http.NoBody).
//
// Closures: a send inside a function literal, of a request built outside
// it with a body, is reported when the literal is the argument i of a
// call of a function that calls its parameter i repeatedly (the engine's
// callsRepeatedly fact: a call of it inside a for or range loop, or
// handed on to such a function, also inside a literal it repeats).
//
// Not reported, on purpose: requests whose body is unknown — returned by
// a helper without the requestBody fact (one that returns a request it
// was given, or sets a body after building it), held by a struct literal
// given to a wrapper, read from a field or package variable; a
// parameter's request inside the wrapper itself (its callers are
// checked); variables whose address is taken or that another function
// literal refers to; a literal given to a helper whose package reaches
// no net (no driver analyzes it: what it does with the function is
// unknown), or stored in a variable or returned before it reaches the
// helper; defer and go statements; a range loop variable (a new request
// each iteration); a loop inside which the request or its body is set on
// some path (if data != nil { req.Body = … }): the path that skips it is
// most likely one without a body, which the analysis cannot tell.
//
// Two fixes. When the request is built by NewRequest right before the
// loop that sends it again (only its if err != nil { return … } between),
// with a reader made in the call (bytes.NewReader(data),
// strings.NewReader(s)), every path to the send starts there and nothing
// it declares is used outside the loop, the first moves that statement
// and its error check to the start of the loop's body: a new request and
// a new reader per attempt. When every body the request may have is one
// NewRequest sets GetBody for, the other inserts before the repeated
// send's statement:
//
//	if req.GetBody != nil {
//		req.Body, _ = req.GetBody()
//	}
//
// Other bodies have no GetBody to reset from: the message says to give
// the request a new body. A call of a re-sending wrapper needs the
// wrapper changed, possibly in another module: the message says so, with
// no fix. No fix either for a send in a loop's header, or where a moved
// line or the loop's line ends in a comment (gofmt would realign it).
package retrybody
