// Package bodyclose defines an Analyzer that reports HTTP response bodies
// that are not closed on every path, and bodies closed without being read
// where that costs connection reuse again and again.
//
// # Analyzer bodyclose
//
// bodyclose: report response bodies not closed on every path, or closed unread where the lost reuse repeats
//
// The caller of `http.Get`, `(*http.Client).Do` and every function returning a
// `*http.Response` must close its `Body`: an unclosed body keeps the
// connection, and the two Transport goroutines serving it, alive — leaks that
// grow with traffic. Closing a body nobody read does not return the connection
// to the pool either: the Transport closes it, and the next request pays a new
// TCP and TLS handshake.
//
// # Reported
//
//   - a response whose `Body` is not closed on some path from the call to the
//     function's exit: a `return` before the `defer`, a status-code or decode
//     error path, a `switch` default, falling off the end. The `err != nil`
//     branch right after the call (where the response is nil) and branches
//     where the response is `nil` owe nothing; `panic`, `os.Exit`,
//     `log.Fatal`, `t.Fatal` end a path. The message names every leaking exit
//     (`at the returns on lines 65, 68`) and, in a loop whose `resp :=` is
//     inside the loop, the `continue`, `goto` or end of the loop body that
//     goes back to the call rather than a line after the loop; it says what to
//     do (`add defer resp.Body.Close() after the error check`; `close
//     resp.Body before the request is sent again` in a loop; `close resp.Body
//     on those paths before returning` when the function hands the response on
//     elsewhere — returns it, stores it in what it returns —, where a deferred
//     `Close` would close it under its new owner). Where the response is handed
//     on in the body of an `if` without `else` (`if callback != nil {
//     callback(resp) }`) and the leaking return follows it, the message names
//     that branch (`where callback != nil is false (line 17)`) and says to
//     close in an `else` branch: a `Close` before the shared return would
//     close the body under its new owner;
//   - a response variable assigned again — a retry or polling loop — while its
//     body is still open;
//   - a response returned together with an error (a composite literal,
//     `fmt.Errorf`, `errors.New`) from a function literal handed to a retry
//     helper — a parameter its callee calls repeatedly (`callsRepeatedly`,
//     engine) —: the helper retries on the error, calls the literal again and
//     drops the failed attempt's response, so that return is no hand-off;
//   - a discarded response: the call as a statement, or `_, err :=
//     client.Do(req)`;
//   - a body given to a wrapper that keeps it, whose result is thrown away
//     (`_ = http.MaxBytesReader(nil, resp.Body, n)`): nothing can close it;
//   - leaks inside functions that themselves return a response (a preflight
//     request in a wrapper);
//   - sources are matched by type, not by name: any call whose result (or one
//     result of its tuple) is exactly `*net/http.Response` — `Client` methods,
//     `RoundTrip`, third-party wrappers, function values, generic functions
//     instantiated with it — that sends. A response's `Close` comes from a
//     send: an interface method given nothing to send (no request, no URL:
//     `Poll(ctx)`, `Next()`, `Raw()`), and an interface method or function
//     value that cannot fail (no error result, as a send has:
//     `Match(*http.Request) *http.Response` over recorded fixtures), hand out
//     a response they hold, whose owner is out of view; a method that returns
//     a field (not one it set from a send) is an accessor: their callers are
//     told nothing (the `closedResult` fact below). A function value that can
//     fail sends even given nothing: a closure carries its request (a retry
//     helper's `func() (*http.Response, error)`);
//   - closed unread (`-bodyclose.drain`), in one of two modes described next.
//
// Where the client that sent the response has a `Timeout` in view (a `Client`
// literal setting it, or a local variable, unexported field or package
// variable whose every value is one), an unclosed body holds its connection
// until that `Timeout` cancels the request, not for good: the message says
// so.
//
// # Drain: two modes
//
// `-bodyclose.drain` takes `true` (the default), `all` or `false`. It is not a
// boolean flag: `go vet -bodyclose.drain=all` and golangci-lint's `drain: all`
// work, `-bodyclose.drain=false` turns the check off, and `-bodyclose.drain`
// alone is an error.
//
// Default (`true`): only where the lost reuse repeats in normal operation. A
// `Close` reached on a path where nothing read the body is reported when that
// path
//
//   - goes back to the call: a poll, a retry after 401/429/503, paging
//     (`resp.Body.Close(); continue`);
//   - sends another request in the same function after a `Close` statement (a
//     deferred `Close` runs after that request, which could not have reused
//     the connection anyway);
//   - belongs to a `GET`, returns no error, and the function runs again and
//     again: a status-only check called on every request (`return
//     resp.StatusCode == 200, nil`), a 404 cache miss (`return nil, nil`)
//     while the 200 path reads. "Again and again" means: a function literal (a
//     handler, a callback); an exported function or method outside package
//     `main` (an API whose callers are unknown); or a function of the package
//     that is called in a loop, used as a value, or — outside `main` — called
//     from two places or more; calls from test code do not count. Code that
//     only tests run ([test code]) never qualifies. A readiness probe, an
//     environment probe, a command's one request run once per test or per
//     process: one reconnection there is noise.
//
// Reported by default, since every poll opens a new connection:
//
//	for {
//		resp, err := client.Get(url)
//		if err != nil {
//			return err
//		}
//		resp.Body.Close() // response body is closed unread before the loop sends the request again, ...
//		if resp.StatusCode == http.StatusOK {
//			return nil
//		}
//		time.Sleep(time.Second)
//	}
//
// # Drain: what the default leaves out
//
// By default: paths that return a non-nil error (one reconnection on a rare
// error path is noise to maintainers, and some prefer the Transport to drop a
// connection after an error) or end the program; in a function without an
// error result, a `return` directly in an `if` that tests `resp.StatusCode`
// with `!=` or an ordering (`if resp.StatusCode != http.StatusOK { return }`:
// that is how such a function fails); the success path of a
// `POST`/`PUT`/`PATCH`/`DELETE` that does not repeat (its answer is a `204` or
// a small acknowledgement: nothing to drain); a request whose Transport was
// built for this call — a `&http.Transport{…}` literal or `Clone()` in the
// function, or a helper that returns a new one on every call (the
// `freshTransport` fact) — unless the path repeats. A `&http.Client{}` without
// a `Transport` uses `http.DefaultTransport`, which pools: it counts as
// shared.
//
// Strict (`all`): every unread path, error returns included — for services
// where error statuses are frequent, or for code reviews that want the drain
// everywhere. Reported only with `-bodyclose.drain=all`, since the error path
// closes the body unread:
//
//	defer resp.Body.Close()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status)
//	}
//	return json.NewDecoder(resp.Body).Decode(v)
//
// In both modes, silent where reuse is impossible or the finding belongs
// elsewhere:
//
//   - the Transport has `DisableKeepAlives: true` — a literal or a local
//     variable in the function, a package variable, or an unexported field the
//     package only ever stores such a client or Transport in; or a helper
//     returning a new one each call (`freshTransport(noReuse)`);
//   - the Transport speaks HTTP/2 only: its `Protocols` get `SetHTTP2(true)`
//     or `SetUnencryptedHTTP2(true)` and never `SetHTTP1(true)`, or it is
//     `golang.org/x/net/http2`'s `Transport`. Closing an unread body resets
//     one stream; the connection stays pooled. A typed client that embeds
//     `*http.Client` counts, through its constructor's `freshTransport` fact ;
//   - a Transport literal whose dial hook hands out a connection it did not
//     dial (see below);
//   - a range loop whose request URL takes its host from the element the loop
//     visits (`"http://" + node.Host + "/…"`, `fmt.Sprintf("https://%s/…",
//     host)`): every iteration dials another server, so there is no connection
//     to reuse;
//   - `defer resp.Body.Close()` placed before `if err != nil`: that is go
//     vet's `httpresponse` finding (the response may be nil); a drain fix
//     there would hide it from vet. Checked: after `httpvet
//     -bodyclose.drain=all -fix` on vet's own httpresponse testdata, `go vet`
//     still reports all seven;
//   - the request may have no body to drain: only `http.Get`, `Post`,
//     `PostForm`, the `Client` methods of those names, or `Do`/`RoundTrip` of
//     a request built in the same function with a constant non-`HEAD` method
//     are checked; paths through a 1xx (`101 Switching Protocols`: the body is
//     the connection), 204 or 304 status test or a zero `ContentLength` test;
//     after the body was handed to any helper.
//
// Any read counts as a drain: `Read` repeated in a loop on the same body,
// `io.ReadAll`, `io.Copy`, `io.CopyN`, a bounded `io.LimitReader`, a JSON/XML
// decoder, a scanner, a helper that reads it. A single `resp.Body.Read(buf)`
// does not: it returns what has arrived, up to the buffer, and the body is
// closed before its end (`drain`, `peek`; `drainall`, `directRead`).
//
// Not modeled: HTTP/2 negotiated over TLS (`DefaultTransport` to an `https`
// URL), where an unread `Close` resets one stream and the connection stays
// pooled: not knowable statically — another reason the default reports only
// repeating shapes.
//
// # A connection pool per call
//
// A function whose calls come in a stream, as far as the package shows —
// it has an `http.HandlerFunc`'s parameters (it serves requests), a loop
// calls it, it is handed to a helper that calls its function parameter
// repeatedly (a retry or polling helper, in any module), a function that
// streams by a loop or a retry helper calls it, or it is a literal made in
// a function that streams — and that sends through a
// keep-alive Transport it builds anew each time — a literal, a `Clone`, or
// a function with the fact `freshTransport` — is
// reported once, at its first send: each call leaves a pool behind whose
// idle connections, and their two goroutines each, stay until the peer or
// `IdleConnTimeout` closes them. Build the client once and reuse it, or call
// `CloseIdleConnections` when done (then nothing is reported). No fix: where
// to keep the client is the author's choice. Bodies closed unread on the
// paths of such a send get no drain advice: draining only parks the
// connection in a pool nothing uses again.
//
// Not reported, because how often the function runs is not in view: a
// function merely exported or called from two places; one handed to code
// out of view (a command table, a callback registry); one a handler calls
// (how many requests a process serves is out of view: a CGI program serves
// one; the handler's own code is still reported); one a loop over data
// calls from a function that runs once per run of a program (`main`, or
// called only from functions that do, in no loop) — the loop runs as many
// times as the run's input has elements, and the pools end with the
// process.
//
// # Ownership
//
// Ownership moves, and the obligation with it. These hand the response (or its
// `Body`, or an alias: `body := resp.Body`) on, and nothing is reported after
// them: returning it; sending it on a channel; storing it in a field, map,
// slice, global, or a composite literal that is itself handed on; capturing it
// in a closure passed on or run later (`t.Cleanup`); passing it as a method
// value (`resp.Body.Close`); passing it to a function that closes or keeps it,
// or that the analysis cannot see into (an interface method, a function value
// of unknown origin, a function without facts: silence rather than a guess); a
// goroutine that closes it or passes it on.
//
// Everything else is a plain use that still owes the `Close`: reading fields
// (`resp.StatusCode`), comparing it, `_ = resp` / `_ = resp.Body`, printing
// it, a local struct (`res := &result{resp: resp}`) that is then abandoned —
// for instance by a `goto` back to the request in a redirect loop —, a
// goroutine that only reads the body, a cleanup closure (`cleanup := func() {
// resp.Body.Close() }`) that is never called or called on one path only, a
// deferred literal that takes the body and does nothing with it.
//
// A function literal called where it is written or through a local variable
// assigned it once (`handleResponse := func(res *http.Response, err error)
// {…}`) is looked into: what its body does with a captured response counts at
// the call (`defer cleanup()` closes), and its parameters get a fact like a
// declared function's.
//
// Functions carry facts, in their package and across packages:
//
//   - `params(closes=#i)`: closes the body of parameter "i" (a
//     `*http.Response` or an `io.Closer`/`io.ReadCloser`) on every path;
//   - `params(borrows=#i)`: neither closes nor keeps it — the caller still
//     owes the `Close` (a status check, a decode helper);
//   - `params(keeps=#i)`: returns a value that holds parameter "i", its body
//     or a reader over it (a streaming-response constructor,
//     `newStreamingResponse(resp, body)`): the obligation goes with that
//     value;
//   - `params(reads=#i)`: reads the body of parameter "i" on some path;
//   - `params(eof=#i)`: on every path that returns, has read the body of
//     parameter "i" to EOF or to a read error (`io.ReadAll`): the connection
//     is released already ;
//   - `closedResult`: on some path that returns no error it returns a response
//     whose body it closed, replaced with `io.NopCloser(…)`, handed to a
//     function that may close it, or built itself — or one that every
//     assignment, retry closures included, takes from such a function. Its
//     callers are not checked: a wrapper that reads and closes the body leaves
//     them nothing to do, and callers of one that buffers only error bodies
//     cannot tell which response they got. A function that returns only
//     responses it holds (fields it does not set from a send, what an
//     interface method given nothing to send returns) carries it too. An
//     interface method whose
//     implementations in its package (test doubles aside) all carry
//     `closedResult` carries it too (an SDK interface and its client);
//   - `freshTransport`: returns a `*http.Client`, `*http.Transport` or
//     `http.RoundTripper` — or a struct embedding a client — built on every
//     call with a Transport of its own (`freshTransport(noReuse)`: keep-alives
//     disabled, HTTP/2 only, or serving one connection it did not dial).
//
// # Fixes
//
// Not closed: insert `defer resp.Body.Close()` (with the variable's real name)
// after the `if err != nil { … }` that directly follows the call, or right
// after a call that returns no error — offered only when the function does
// nothing else with the response, no closure or goroutine uses it, and the
// call is not in a loop. When the leaking path read nothing (and the request
// is known not to be `HEAD`), the fix inserts the deferred bounded drain and
// close shown below instead. No fix, and different advice, when the response
// is received into a variable whose earlier response the function already
// stored in what it returns (`result = &Response{Response: resp}`, then `resp,
// err = client.Do(req)` to follow a redirect, then `return result, nil`): the
// message says the function returns the earlier response, and to close that
// one's body and store this one in its place — a deferred `Close` would
// silence the finding and keep the bug .
//
// Closed unread: turn `defer resp.Body.Close()` into
//
//	defer func() {
//		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
//		_ = resp.Body.Close()
//	}()
//
// or insert `_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))`
// before a `resp.Body.Close()` statement, adding the `io` import when missing.
// The drain is bounded by `-bodyclose.drain-limit` bytes (default 65536,
// written `64<<10`; a multiple of 1 MiB is written `N<<20`; 0 or less gives an
// unbounded `io.Copy`): an unbounded `io.Copy(io.Discard, resp.Body)` lets a
// runaway upstream hold the caller for its whole timeout inside what reads
// like cleanup (net/http itself drains at most 2 KiB before following a
// redirect).
//
// # Not reported, on purpose
//
// Leaks where the connection does not outlive the function, or is released
// already:
//
//   - A body read to EOF on the path: `io.ReadAll(resp.Body)`, `io.Copy(w,
//     resp.Body)`, `CopyBuffer`, a `ReadFrom` into memory, a helper with the
//     `eof` fact. In `transport.go` the body's `bodyEOFSignal` calls its `fn`
//     at EOF, which puts the connection back in the pool (`waitForBodyRead <-
//     true`); on a read error it closes the connection. A missing `Close`
//     after such a read holds nothing, so it is not reported . `io.ReadAll`
//     through `io.LimitReader(resp.Body, N)` with a constant `N` of at least
//     the drain limit (64 KiB) counts as a read to EOF too: such a limit
//     guards against a runaway response, and the bodies it reads are shorter .
//     Shorter limits, `io.CopyN`, decoders and scanners may stop short and are
//     still reported, with "unless the body was read to EOF". A write error
//     that stops `io.Copy` early is not modeled.
//   - A response that has no body on the path: the path passed a test of its
//     `StatusCode` for 204, 304 or 1xx, or of `ContentLength == 0` (`if
//     resp.StatusCode == http.StatusNotModified { return cached, nil }`).
//     net/http's readLoop puts the connection of a response without a body
//     back in the pool as soon as it has read the header; leaving that
//     response unclosed holds nothing (a contract finding in strict mode).
//   - A request whose context is cancelled when the function returns: built
//     with `http.NewRequestWithContext(ctx, …)`, `req.WithContext(ctx)` or
//     `req.Clone(ctx)`, where `ctx` comes from `context.WithCancel`,
//     `WithTimeout` or `WithDeadline` (or their `Cause` forms, or a context
//     derived from one by any call that takes it first and returns a
//     `context.Context` — `context.WithValue`, `httptrace.WithClientTrace`, a
//     package's own `withLabel(ctx, …)` — but `context.WithoutCancel`) with
//     its cancel deferred in the function, even on its parameter (`ctx, cancel
//     := context.WithCancel(ctx)`). Or `ctx` is, or derives from, a context
//     parameter of an unexported function (or method no interface of the
//     package names) whose every caller in the package cancels it soon after
//     the call returns: a `cancel()` statement right after the call, a
//     deferred cancel when the call is in a `return`, or a deferred cancel of
//     the declared function around the call — which made the context for that
//     one operation — when the call is in no loop there, even from a
//     goroutine's closure; or the caller passes its own context parameter on
//     and its callers cancel it in turn, up to three calls up . A deferred
//     cancel in `main` or `init` runs at exit and does not count . When the
//     context is done, the Transport's read loop closes the connection
//     (`transport.go`: `case <-rc.treq.ctx.Done(): alive = false`), so nothing
//     outlives the operation; only its reuse is lost. This holds for the paths
//     that drop the response even when other paths hand it on. Still reported
//     when the leak is in a loop (open bodies pile up before the return), or
//     when the cancel is not deferred.
//   - Leaks on the error paths of a one-shot program: every leaking exit
//     returns a non-nil error, and nothing in view goes on after that
//     error: the function is in package `main`, called only from `main`,
//     in no loop, and each call is followed by `if err != nil {
//     log.Fatal(…) }` (or `os.Exit`, or a `return` from `main`); or the
//     function is only handed on as a value — a command's entry in a
//     command table (any library's or the package's own), a hook — and
//     nothing shows its calls come in a stream (as above). The code that
//     runs it is out of view and decides what its error does; a command
//     line prints it and exits. An exported function outside `main` is an
//     API: its callers go on after its errors, and it is reported. Helpers
//     the command calls are still reported: their other callers are not
//     known to exit.
//   - A Transport built around one connection: a `&http.Transport{…}` literal
//     of the function whose dial hook (`Dial`, `DialContext`, `DialTLS`,
//     `DialTLSContext`) is a function literal that calls nothing returning a
//     `net.Conn` — it hands out a connection made elsewhere (taken from a
//     channel, an in-memory conn). That connection is the function's to end;
//     nothing is pooled (`httputil.DumpRequestOut`).
//
// Other responses:
//
// `httptest.ResponseRecorder.Result()` and `http.ReadResponse` (no pooled
// connection); responses to requests known to be `HEAD` (no body: the
// connection is reused at once); `http.ResponseController` and types that
// merely mention `*http.Response` (`func(*http.Response) error`,
// `[]*http.Response`); a call that takes a `*http.Response` argument and
// returns one (a setter returning its argument); responses held by parameters,
// variables captured from an enclosing function or used by a closure written
// before the call (a named result is tracked as a local: a bare `return` hands
// it on, a retry that assigns it again drops the earlier response); a path after a test of the error the
// analysis does not model (`errors.Is(err, …)`, a type switch on it, `retry,
// err := shouldRetry(err)`). A path that read the body, but not surely to EOF,
// without closing it is still reported (the `Close` is the caller's duty),
// with a message saying the connection leaks unless the read reached EOF.
//
// # Strict
//
// With `-strict` (golangci-lint: `strict: true`), which also turns
// `-bodyclose.drain` to `all` and `-bodyclose.tests` on unless they are set
// explicitly, these are reported too, as contract findings (a body nobody
// closed breaks the contract even where it holds nothing):
//
//   - a body not closed on some path that read it to EOF (the Transport
//     released the connection already);
//   - a body left open, or a response discarded, where the connection goes
//     with the function: the request's context is cancelled when it
//     returns, or its Transport serves one connection the function owns;
//   - leaks on the error paths of a one-shot program (the error ends it);
//   - a body closed unread on any path that returns, error paths included
//     (`-bodyclose.drain=all`);
//   - [test code] (`-bodyclose.tests`).
//
// The fixes are the default mode's: `defer resp.Body.Close()`, or the
// bounded drain and close where nothing read the body.
//
// # Flags
//
//	-bodyclose.drain=true         report bodies closed unread where the lost
//	                              reuse repeats; all: on every unread path;
//	                              false: never
//	-bodyclose.drain-limit=65536  bytes the drain fix reads at most (written
//	                              64<<10); 0 or less: an unbounded io.Copy
//	-bodyclose.tests=false        also check test code
//
// `-bodyclose.drain` is not a boolean flag: write `-bodyclose.drain=false`,
// not `-bodyclose.drain` alone (go vet would parse a boolean flag's value as a
// bool and refuse `all`). `-bodyclose.tests` is off by default because
// findings in [test code] are mostly responses discarded in tests against an
// `httptest.Server` (`_, err := client.Do(req)` to check the error): real but
// cheap leaks, in a process that `go test -timeout` bounds.
//
// golangci-lint (module plugin):
//
//	settings:
//	  bodyclose:
//	    drain: all        # or true, false
//	    drain-limit: 1048576
//
// # Tests
//
// Each rule, and the packages under bodyclose/testdata/src that hold its
// positive and negative cases:
//
//   - Reported: a, helpers and usehelpers (helper facts across packages),
//     swapbody, deadpath, noreturn, budget (a function past the search
//     budget); held and helduse (sources come from a send: held responses,
//     accessors); handoff (the branch that skips a hand-off); namedresult
//     (responses held by named results); retried (returned with an error to
//     a retry helper)
//   - Drain: two modes, and what the default leaves out: drain, reuse,
//     reusemain, oneshot, clicmd, cancelmain, released; drainall
//     (-bodyclose.drain=all); nodrain (-bodyclose.drain=false)
//   - A connection pool per call: percall, percallmain
//   - Ownership: ownership, wrapdep and wrapuse (a client in another module
//     that closes the body)
//   - Fixes: fix, fixlimit (-bodyclose.drain-limit), golden files
//   - Not reported, on purpose: notests, probetest (test code and test
//     support), and the negative cases of each package above
//   - Strict: strictmode; intests (test code outside _test.go files, under
//     -bodyclose.tests)
//   - Code with type errors is not reported on, and does not crash: broken
//   - Stubs of other modules that the cases import: github.com, golang.org
//
// [test code]: https://github.com/httpvet/httpvet/blob/main/README.md#test-code
package bodyclose
