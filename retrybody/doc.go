// Package retrybody defines an Analyzer that reports requests sent again
// after a send consumed their body.
//
// # Analyzer retrybody
//
// retrybody: report requests sent again after Do consumed their body
//
// Reports a request sent again after a send consumed its body: a retry loop
// around `Do`, a `goto` or `continue` back to it, a 401 or 429 handler that
// re-sends the same `*http.Request`.
//
// `Client.Do`, and every `RoundTrip`, reads and closes `req.Body`. Sending the
// same request again transmits an empty body, or fails with `http:
// ContentLength=N with Body length 0`: the retried POST arrives empty, or the
// retry that was meant to hide a transient error turns it into a permanent
// one. `http.NewRequest` sets `req.GetBody` for `*bytes.Buffer`,
// `*bytes.Reader` and `*strings.Reader` bodies, but only redirects and the
// Transport's own retries call it, on copies of the request (net/http
// `client.go`, `transport.go` `rewindBody`): the caller's `req.Body` stays
// consumed.
//
// # Checked
//
// Every send of a request — `(*http.Client).Do`; a `RoundTrip` method with the
// `RoundTrip` signature (`http.RoundTripper`, `*http.Transport`, any
// implementation); a `Do` method of an interface with that signature (`type
// Doer interface{ Do(*http.Request) … }`); a function value with that
// signature; a wrapper that carries the fact `sendsRequest` — that may run
// again on the same request value, on some path of the function's control-flow
// graph, with nothing in between that could give the request a body again. A
// request is a local variable or a parameter, or a field of one (a struct
// embedding `*http.Request`); `req.WithContext(ctx)` and `req.Clone(ctx)` copy
// the `Body` field, not the body, so sending them is sending `req`.
//
// # Reported
//
// When the request has a body on some path to the first send — `NewRequest` or
// `NewRequestWithContext` got a body other than `nil`, `http.NoBody`, an empty
// reader literal or a local variable that holds one of those on every path
// (`var body io.Reader` filled in only `if len(data) > 0` is a body), a helper
// with the fact `requestBody` got a non-empty argument for its body, an
// `&http.Request{…}` literal got a `Body`, or `req.Body` was assigned one:
//
//   - a send that runs again on a later iteration of a loop (`for`, `goto`,
//     `continue`);
//   - a second send of the same request after the first (a 401 refresh, a 307
//     redirect followed by hand, a 429 back-off);
//   - a call of a wrapper that re-sends the request it is given in a loop:
//     such wrappers carry the fact `sendsRequest` (`resends req`), in their
//     package and across packages, and so do wrappers that send it once
//     (`sends req`), whose calls count as sends.
//
// Helpers that build the request: a function that returns a request it built
// with `NewRequest` on every path, with one of its parameters as the body — as
// given, or wrapped in a reader (`bytes.NewReader(data)`,
// `strings.NewReader(s)`) — or no body, carries the fact `requestBody` with
// those parameters (`func (c *Client) newRequest(ctx, method, path string,
// body io.Reader)`), and the caller's argument says whether the request has a
// body.
//
//	// Bad: the second attempt sends an empty body, or fails.
//	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(payload))
//	if err != nil {
//		return err
//	}
//	for attempt := 0; attempt < 3; attempt++ {
//		resp, err := client.Do(req)
//		if err == nil {
//			return handle(resp)
//		}
//		time.Sleep(backoff(attempt))
//	}
//
//	// Good: a new request, with a new reader, per attempt.
//	for attempt := 0; attempt < 3; attempt++ {
//		req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(payload))
//		if err != nil {
//			return err
//		}
//		resp, err := client.Do(req)
//		if err == nil {
//			return handle(resp)
//		}
//		time.Sleep(backoff(attempt))
//	}
//
// Between two sends, any of these is a reset, or something the analysis cannot
// follow, and ends the path with nothing reported: an assignment to the
// request variable (a new request); any use of `req.Body` or `req.GetBody`;
// the request passed to a function that is not a send (a signer may reset the
// body), copied, or used as a whole in any other way than a comparison with
// `nil`, printing, or a method that leaves the body alone (`Context`,
// `Cookie`, `SetBasicAuth`…); any use of the variable (or field) given to
// `NewRequest` as the body — a `Seek`, a `Reset`. Setting headers, the URL or
// other fields is not a reset. Each of those ends only the paths through it:
// a call some path skips — the right operand of `&&` or `||` (`if retryIf !=
// nil && !retryIf(req, err)`), a call under `if hook != nil` — leaves the
// path that skips it re-sending the request as it was, and that is reported
// (package `a`, `conditional.go`). A function of the package that only reads
// or sets the request's other fields (`setTarget(req)` setting its URL and
// headers) is no reset either: its body shows it leaves the body alone
// (`helpers.go`).
//
// # Fix
//
// Two, when they apply.
//
//   - "Build the request inside the loop": when `NewRequest` builds the
//     request right before the loop that sends it again — only its `if err !=
//     nil { return … }` in between — with a reader made in the call
//     (`bytes.NewReader(data)`, `strings.NewReader(s)`), every path to the
//     send starts there, and nothing it declares is used outside the loop,
//     that statement and its error check move to the start of the loop's body:
//     a new request and a new reader per attempt, as in "Good" above.
//   - "Reset req.Body from req.GetBody before the send": when every body the
//     request may have is one `NewRequest` sets `GetBody` for (a
//     `*bytes.Buffer`, `*bytes.Reader` or `*strings.Reader`), inserted before
//     the statement of the repeated send, so that it runs on every attempt
//     (`GetBody` cannot fail for those three bodies).
//
// The reset:
//
//	if req.GetBody != nil {
//		req.Body, _ = req.GetBody()
//	}
//	resp, err := client.Do(req)
//
// Other bodies have no `GetBody` to reset from: the message says to give the
// request a new body or not to send it again (a streamed reader cannot be read
// twice). A call of a re-sending wrapper needs the wrapper changed, possibly
// in another module: the message names it, with no fix. No fix either when the
// send is in a loop's header or does not start its line, or when a moved line
// or the loop's line ends in a comment (gofmt would realign it).
//
// # Across functions
//
// A helper that builds the request with a payload of its own — it encodes `v`
// into a buffer, fills form values into a reader, or passes a constant —
// carries `requestBody[] own`: the request it returns has a body whatever its
// caller passes. A body that is the function's own parameter counts as a body
// (a `*bytes.Buffer` parameter re-sent by the function's retry loop is
// reported), unless the function is one only its package calls and every call
// passes no body (`nil`, `http.NoBody`): then the callers decide, and none
// gives one.
//
// # Closures a retry helper calls
//
// A send inside a function literal whose request was built outside it, with a
// body, is reported when the literal goes straight to a helper that calls that
// function parameter again and again: the helper carries the engine's fact
// `callsRepeatedly[i]` (it calls parameter `i` inside a `for` or `range` loop,
// or hands it to a function that does, also inside a literal such a function
// repeats). The fixed shapes — the request built inside the literal, or its
// body reset from `GetBody` before the send — are silent. A function of the
// package that returns such a literal, sending its request parameter, is
// followed too: `retry(3, d.doPost(req))` is reported at the call of
// `doPost` when `req` has a body.
//
//	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
//	return retry(3, func() error {
//		resp, err := c.Do(req) // reported: retry calls this again on the same consumed body
//		…
//	})
//
// # A new request around the same reader
//
// A new request per attempt is no remedy when its body is the same reader
// each time. A request built in a loop whose body is a reader from outside
// the loop — a parameter, a field (`p.Body`), a variable set before the loop
// — as given or through whatever a call given it returns (`bufio.NewReader(r)`,
// a watchdog wrapper: a function given the reader reads it), is reported
// where it is built when a send of it can reach that build again and nothing
// else in the loop touches the reader (a `Seek`, a type assertion to
// `io.Seeker`, a new value: any other use is taken for a rewind). The first
// send read the reader to its end; the retry, or the next target of a
// broadcast, sends nothing. No fix: whether the reader can seek, or may be
// buffered whole, is the caller's to decide (package `reader`).
//
// A function that sends its request parameter on a goroutine it starts (`go
// func() { … c.Do(req) … }()`) carries `sends req` too: the body is consumed
// there.
//
// # Requests kept in fields
//
// A request sent from a field of the package's own struct type (`up.req`,
// `b.request`) by a function that does not set it is whatever the package
// stores there: when every store of the field is in view (the field is
// unexported, or belongs to an unexported type, and its address is never
// taken — the engine's `FieldStores`) and one of them gives the request a
// body (built with `NewRequest` where it is stored, or a local variable
// holding such a request), its re-sends are reported as a local request's
// are — also when the value holding it is a parameter (`func deliver(e
// envelope)`): whoever the caller is, the field holds what the package
// stored, so the finding is where the loop is, not at the callers. The fixed shape — the loop setting `up.req.Body` again on each
// attempt — is silent, and the reset fix applies to the field.
//
//	func newUploader(u string, data []byte) *uploader {
//		req, _ := http.NewRequest("POST", u, bytes.NewReader(data))
//		return &uploader{req: req}
//	}
//
//	func (up *uploader) send() error {
//		for i := 0; i < 3; i++ {
//			resp, err := up.client.Do(up.req) // reported
//			…
//
// # Not reported, on purpose
//
// Requests without a body (`nil`, `http.NoBody`, a GET built with `nil`); a
// new request per attempt, a range loop's request (a new one each iteration);
// requests whose body is unknown — returned by a helper without the fact
// `requestBody` (one that returns a request it was given, or sets a body after
// building it), held by a struct literal given to a wrapper, read from a field
// some code out of view may set (an exported field of an exported type, a
// field whose address is taken) or from a package variable, or from a field
// of a local variable the function assigned (`b := newBatch(); c.Do(b.req)`); a parameter's request inside the wrapper itself (it
// carries the fact, and its callers are checked where they give it a body);
// variables whose address is taken or that a function literal other than the
// sending one refers to (a closure may give the request a new body); a
// closure given to a helper whose package reaches no `net` (a general retry
// library such as a backoff package): no driver analyzes such packages, so
// nothing is known of what it does with the function; a literal stored in a
// variable before it reaches the helper, or returned by a function of another
// package; sends in
// `defer` and `go` statements; a loop inside which the request or its body is
// set on some path (`if data != nil { req.Body = … }`), before the first send
// or between the sends: the path that skips it is most likely one without a
// body, which the analysis cannot tell.
//
// # Strict
//
// `-strict` adds nothing to retrybody: it checks test code by default, and
// every shape it reports costs something at run time (class cost).
//
// # Flags
//
// None. Test code is always checked: a retry in a test sends an empty body as
// anywhere else.
//
// # Tests
//
// Each rule, and the packages under retrybody/testdata/src that hold its
// positive and negative cases:
//
//   - Checked, Reported and Not reported, on purpose: a, reader (a new
//     request around the same reader)
//   - Across functions: wrap and usewrap (client wrappers), builder and
//     usebuilder (request builders), parambody (a body that is the
//     function's parameter)
//   - Closures a retry helper calls: closure, with retrylib (a retry helper
//     in another package) and backoff (one whose facts cannot be known)
//   - Requests kept in fields: fields
//   - Fix: fix, move (golden files)
//   - Code with type errors is not reported on, and does not crash: broken
package retrybody
