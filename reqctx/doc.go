// Package reqctx defines an Analyzer that reports HTTP requests that do
// not carry the context their function was given.
//
// # Analyzer reqctx
//
// reqctx: report requests that do not carry the context in scope, and context mistakes on requests
//
// A function that was handed a context and sends a request without it
// cannot be cancelled by its caller: the caller's deadline, shutdown or
// client disconnect does not stop the request, which runs until the
// server answers or the client's timeout, if any, ends it.
//
// Reported where a context.Context parameter or local variable of the
// function itself is in scope:
//
//   - http.NewRequest, when the request is sent in the function (to
//     Client.Do, RoundTrip, a function of their signature such as a Doer
//     interface, or a function that sends the request it is given: the
//     sendsRequest fact) without being given a context; the fix is
//     http.NewRequestWithContext(ctx, …);
//   - http.Get, Head, Post and PostForm, and the same methods of
//     *http.Client; the fix builds the request with
//     http.NewRequestWithContext(ctx, …) and sends it with Do;
//   - context.Background() or context.TODO() given to
//     NewRequestWithContext, WithContext or Clone; the fix passes ctx;
//   - a request from a helper (in this package or another) that builds
//     one without a context and has none itself, sent without being given
//     one: such helpers carry the bareRequest fact. No fix: the context
//     must be attached after the helper's error is checked, which the
//     analyzer cannot place.
//
// Reported always:
//
//   - req.WithContext(ctx) as a statement: it returns a new request and
//     leaves req as it was; the fix assigns the result;
//   - a nil context given to NewRequestWithContext (it fails), or to
//     WithContext or Clone (they panic); the fix passes ctx, or
//     context.TODO() when there is none;
//   - the deprecated Request.Cancel channel, assigned or set in a
//     literal: it carries no deadline and, with a context too, which one
//     is honored is undefined. No fix: turning a channel into a context
//     changes the code that closes it.
//
// With -reqctx.all, requests with no context in scope at all are reported
// too (as sonatard/noctx reports them), and so are http.Get & co. and
// http.NewRequest used as function values (not one assigned to _, which
// nothing can call), and _test.go files are checked; those get no fix, since there is no context to give. Unlike
// noctx, it still leaves out the requests listed below as not reported
// (given a context out of sight, stored, never sent).
//
// The fix of http.Get & co. applies only to `resp, err := http.Get(url)`
// (or =) as a statement of its own: building the request needs
// statements of its own, and its error must reach err as http.Get's did,
// so a call in an expression, a return or an if's init, or one whose
// error is discarded, gets the message only. Post's content type must
// be free of calls (it is evaluated after the body in the rewritten code).
//
// Not reported, on purpose:
//
//   - httptest.NewRequest, and requests passed in from the caller;
//   - a request that is never sent in the function: built to be signed,
//     dumped or serialized;
//   - a request given a context before it is sent: req =
//     req.WithContext(ctx) or req.Clone(ctx) anywhere in the function,
//     or the request passed to a call that also takes a context (a
//     client's Do(ctx, req)) or to a function that gives its request
//     parameter a context (the attachesContext fact);
//   - a request that is stored, aliased, captured by a closure, or passed
//     to a function value or interface method other than a Do-shaped
//     one: it may get a context out of sight;
//   - a request returned by an unexported helper whose every caller
//     gives it a context;
//   - a context stored in the receiver or another struct: it belongs to
//     the call that built the value, which may be over (oauth2's token
//     sources keep one for its values only; attaching it would make later
//     refreshes fail);
//   - contexts of enclosing functions, in function literals, and requests
//     made by a defer or go statement: a goroutine or callback may
//     outlive its creator, and deferred cleanup must run even when the
//     context is done;
//   - a context that may be done where the request is made: its cancel
//     function called before (outside defer), <-ctx.Done() received, or
//     the request on a path through a branch that tests ctx.Done(),
//     ctx.Err() or context.Cause(ctx) (directly or through a variable
//     assigned from them), or names context.Canceled or
//     context.DeadlineExceeded — cleanup and error reports after
//     cancellation;
//   - a local context whose value is context.Background() or
//     context.TODO(), or a context.WithValue chain over one: nothing can
//     cancel it;
//   - an unnamed or blank context parameter: the author chose not to use
//     it;
//   - a *http.Request parameter's Context(): only context.Context
//     variables count as given, not contexts to be fetched;
//   - Request.Cancel in net/http itself, which sets it to implement
//     Client.Timeout for RoundTrippers that predate contexts;
//   - without -reqctx.all, requests with no context in scope, and
//     _test.go files.
//
// When several contexts are in scope, the request belongs to the one that
// derives from all the others (tctx of tctx, cancel :=
// context.WithTimeout(ctx, …)); when none does, the message names them and
// there is no fix: which one the request belongs to is the author's
// choice.
//
// In an endless loop with an error path that goes straight back round
// (`if err != nil { …; continue }`) without looking at the context, the
// message also asks for a ctx.Err() check there and there is no fix: on
// its own, giving the request the context turns one hang into a loop
// that retries a cancelled request forever.
package reqctx
