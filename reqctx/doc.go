// Package reqctx defines an Analyzer that reports HTTP requests that do
// not carry the context their function was given.
//
// # Analyzer reqctx
//
// reqctx: report requests that do not carry the context in scope, and context mistakes on requests
//
// Reports requests that do not carry the context their function was given, and
// the context mistakes on requests that are wrong anywhere.
//
// A function that was handed a context and sends a request without it cannot
// be cancelled by its caller: the caller's deadline, its shutdown or a client
// that disconnects does not stop the request, which runs until the server
// answers, or forever with `http.DefaultClient` (`http.Get` & co. use it).
// `req.WithContext(ctx)` returns a new request and leaves `req` as it was, so
// as a statement it does nothing. `NewRequestWithContext(nil, …)` fails with
// "net/http: nil Context", and `WithContext(nil)` and `Clone(nil)` panic.
// `Request.Cancel` is deprecated: it carries no deadline, and when the request
// has a context too it is undefined which one is honored.
//
// # Reported where the function has a context
//
// Where a `context.Context` parameter or local variable of the function itself
// is in scope:
//
//   - `http.NewRequest`, when the request is sent in the function — to
//     `Client.Do`, `RoundTrip`, a function of their signature (a `Doer`
//     interface, a `do(req)` helper), or a function that sends the request it
//     is given (the fact `sendsRequest`, across packages) — without being
//     given a context first (values added to the request's own context,
//     `req.WithContext(httptrace.WithClientTrace(req.Context(), trace))` or
//     `context.WithValue(req.Context(), …)`, give it none: it still has
//     `http.NewRequest`'s `context.Background()`);
//   - `http.Get`, `Head`, `Post`, `PostForm`, and the same methods of
//     `*http.Client`;
//   - `context.Background()` or `context.TODO()` given to
//     `NewRequestWithContext`, `WithContext` or `Clone`;
//   - a request from a helper that builds one without a context and has none
//     itself (the fact `bareRequest`, across packages), sent without being
//     given one.
//
// # Reported always
//
// `req.WithContext(ctx)` as a statement; a nil context given to
// `NewRequestWithContext`, `WithContext` or `Clone`; `req.Cancel = ch` and
// `http.Request{Cancel: ch}`.
//
// Examples:
//
//	// Bad: cancelling ctx, or its deadline, does not stop the request.
//	func fetch(ctx context.Context, url string) ([]byte, error) {
//		req, err := http.NewRequest(http.MethodGet, url, nil)
//		if err != nil {
//			return nil, err
//		}
//		resp, err := client.Do(req)
//		…
//	}
//
//	// Good: the request ends with ctx.
//	func fetch(ctx context.Context, url string) ([]byte, error) {
//		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//		…
//	}
//
//	// Bad: the result is discarded; req keeps its old context.
//	req.WithContext(ctx)
//
//	// Good.
//	req = req.WithContext(ctx)
//
// # Fix
//
// "Use http.NewRequestWithContext(ctx, …)": `NewRequest(` becomes
// `NewRequestWithContext(ctx, `.
//
// "Build the request with ctx and send it with Do", for `resp, err :=
// http.Get(url)` (or `=`) as a statement of its own; an error from building
// the request reaches `err` as it did from `http.Get`:
//
//	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
//	var resp *http.Response
//	if err == nil {
//		resp, err = http.DefaultClient.Do(req)
//	}
//
// `Post` and `PostForm` set the `Content-Type` header as they did (`PostForm`
// encodes the form with `strings.NewReader(data.Encode())`); a `Client` method
// sends with that client. A call in an expression, a `return` or an `if`'s
// init, one whose error is discarded (`resp, _ :=`), or a `Post` whose content
// type contains a call (it would be evaluated after the body) gets the message
// only: the request's construction needs statements of its own and its error
// needs a place.
//
// "Pass ctx" in place of `context.Background()`, `context.TODO()` or `nil`
// (with no context in scope, `nil` becomes `context.TODO()`); the `context`
// import goes if nothing else uses it. A request that must outlive `ctx` on
// purpose (a notification sent after the caller gave up) is better given
// `context.WithoutCancel(ctx)`, which keeps its values (trace IDs,
// credentials) without its cancellation; the message says so.
//
// "Assign the request WithContext returns": `req = req.WithContext(ctx)`.
//
// No fix:
//
//   - a helper's request and `Request.Cancel` get the message only: the
//     context must be attached after the helper's error is checked, and
//     turning a channel into a context changes the code that closes it;
//   - with several contexts in scope, the request belongs to the one that
//     derives from all the others (`tctx` of `tctx, cancel :=
//     context.WithTimeout(ctx, …)`); when none does (`ctx` and `bg :=
//     context.WithoutCancel(ctx)`), the message names them: which one the
//     request belongs to is the author's choice;
//   - in an endless loop whose error path goes straight back round (`if err !=
//     nil { …; continue }`) without looking at the context, the message also
//     asks for a `ctx.Err()` check on that path: on its own, giving the
//     request the context turns one hang into a loop that retries a cancelled
//     request forever.
//
// # Not reported, on purpose
//
//   - `httptest.NewRequest`, and requests passed in from the caller;
//   - a request that is never sent in the function: built to be signed, dumped
//     or serialized;
//   - a request given a context before it is sent: `req =
//     req.WithContext(ctx)` or `req.Clone(ctx)` anywhere in the function, the
//     request passed to a call that also takes a context (a client's `Do(ctx,
//     req)`), or to a function that gives its request parameter a context (the
//     fact `attachesContext`, across packages);
//   - a request that is stored, aliased, captured by a closure, or passed to a
//     function value or interface method that is not `Do`-shaped: it may get a
//     context out of sight;
//   - a request returned by a builder whose every caller in the package gives
//     it a context where it sends it (`req.WithContext(ctx)`, a client's
//     `Do(ctx, req)`): the package sends what it builds that way; an exported
//     builder's callers in other packages are out of view;
//   - a context stored in the receiver or another struct: it belongs to the
//     call that built the value, which may be over (a token source may keep
//     one for its values only; attaching it would make later token refreshes
//     fail once that call has ended);
//   - contexts of enclosing functions in function literals, and requests made
//     by a `defer` or `go` statement: a goroutine or callback may outlive its
//     creator, and deferred cleanup must run even when the context is done;
//   - a context that may be done where the request is made: its cancel
//     function called before (outside `defer`), `<-ctx.Done()` received, or
//     the request on a path through a branch that tests `ctx.Done()`,
//     `ctx.Err()` or `context.Cause(ctx)` (directly or through `err :=
//     ctx.Err()`), or names `context.Canceled` or `context.DeadlineExceeded` —
//     cleanup and error reports after cancellation;
//   - a local context whose value is `context.Background()` or
//     `context.TODO()`, or a `context.WithValue` chain over one: nothing can
//     cancel it;
//   - an unnamed or blank (`_`) context parameter: the author chose not to use
//     it;
//   - a `*http.Request` parameter's `Context()`: only `context.Context`
//     variables count;
//   - `Request.Cancel` in net/http itself, which sets it to implement
//     `Client.Timeout` for RoundTrippers that predate contexts;
//   - without `-reqctx.all`, requests with no context in scope, and [test
//     code].
//
// # Strict
//
// `-strict` (golangci-lint: `strict: true`) turns `-reqctx.all` on unless it
// is set explicitly (`-strict -reqctx.all=false` keeps it off). What only
// `-reqctx.all` reports — a request with no context in scope, `http.Get` &
// co. and `http.NewRequest` as function values, [test code] — is of class
// contract: nothing in scope could cancel the request, so nothing is lost
// that the code could have kept. No fix: there is no context to pass.
//
// # Flags
//
//	-reqctx.all=false  also report requests with no context in scope at all,
//	                   http.Get & co. and http.NewRequest used as function
//	                   values, and test code
//
// With `-reqctx.all`, reqctx reports what sonatard/noctx reports. Those
// findings get no fix: there is no context to give. Unlike noctx, it still
// leaves out the requests listed above as not reported (given a context out of
// sight, stored, never sent), and a function value assigned to `_` (`_ =
// http.Get`), which nothing can call: there the finding would be wrong, not
// merely strict.
//
// # Tests
//
// Each rule, and the packages under reqctx/testdata/src that hold its
// positive and negative cases:
//
//   - Reported where the function has a context, and Not reported, on
//     purpose: a; helpers and usehelpers (facts of request helpers across
//     packages); budget (a function past the search budget: not reported)
//   - Reported always (-reqctx.all) and Strict: allflag
//   - Fix: fix (golden files)
//   - The calls reqctx owns, that timeouts does not report again: owns
//   - Code with type errors is not reported on, and does not crash: broken
//
// [test code]: https://github.com/httpvet/httpvet/blob/main/README.md#test-code
package reqctx
