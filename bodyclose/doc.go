// Package bodyclose defines an Analyzer that reports HTTP response bodies
// that are not closed on every path, and bodies closed without being read
// where that costs connection reuse again and again.
//
// # Analyzer bodyclose
//
// bodyclose: report response bodies not closed on every path, or closed unread where the lost reuse repeats
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
//     off the end of the function. The message names every leaking exit:
//     each return line, and in a loop whose response variable is declared
//     inside it the continue, goto or end of the loop body that goes back
//     to the call. panic, os.Exit, log.Fatal and t.Fatal end a path
//     without a leak. It says what to do: add defer resp.Body.Close()
//     after the error check, or, when the function hands the response on
//     elsewhere (returns it), close resp.Body on the leaking paths before
//     returning, since a deferred Close would close it under its new owner;
//   - a response variable assigned again (a retry or polling loop) while
//     its body is still open;
//   - a response discarded: the call as a statement, or assigned to _;
//   - a body given to a wrapper that keeps it, whose result is thrown away
//     (_ = http.MaxBytesReader(nil, resp.Body, n)): nothing can close it;
//   - a body closed unread, with -drain (see below).
//
// Where the client that sent the response has a Timeout in view (a Client
// literal setting it, or a local variable, unexported field or package
// variable whose every value is one), an unclosed body holds its
// connection until that Timeout cancels the request, not for good: the
// message says so.
//
// Drain. The -drain flag takes true (the default), all or false.
// With true, a Close reached on a path where nothing read the body is
// reported only where the lost reuse repeats in normal operation:
//
//   - the path goes back to the call (a poll, a retry after 401, 429 or
//     503, paging): resp.Body.Close(); continue;
//   - the path sends another request in the same function after a
//     Close statement (a deferred Close runs after that request, which
//     could not reuse the connection anyway);
//   - the request is a GET, the path returns no error, and the function
//     runs again and again: a status-only check called on every request,
//     return resp.StatusCode == 200, nil, or a 404 cache miss, return nil,
//     nil, while the 200 path reads. "Again and again" means a function
//     literal; an exported function or method outside package main; or a
//     function of the package called in a loop, used as a value, or,
//     outside package main, called from two places or more (calls from
//     test code do not count). Test code never qualifies: _test.go files,
//     files that import testing or net/http/httptest, and packages that
//     serve tests (named for a package they import followed by "test",
//     like httptest, or beginning with "test", like testutil). A readiness
//     probe runs once per test, and one reconnection then is noise.
//
// Example, reported by default:
//
//	for {
//		resp, err := client.Get(url)
//		if err != nil {
//			return err
//		}
//		resp.Body.Close() // every poll opens a new connection
//		if resp.StatusCode == http.StatusOK {
//			return nil
//		}
//		time.Sleep(time.Second)
//	}
//
// Not reported by default: paths that return a non-nil error (one
// reconnection on a rare error path is noise to maintainers) or end the
// program, and in a function without an error result a return directly
// in an if that tests resp.StatusCode with != or an ordering (its failure
// path); the success path of a POST, PUT, PATCH or DELETE that does not
// repeat (its answer is a 204 or a small acknowledgement); a Transport
// built for this call (a literal in the function, or a function that
// returns a new one on every call, which carries the freshTransport fact),
// unless the path repeats.
//
// With -drain=all, every unread path is reported, error returns included,
// for services where error statuses are frequent. Example, reported only
// with -drain=all:
//
//	defer resp.Body.Close()
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %s", resp.Status) // closed unread
//	}
//	return json.NewDecoder(resp.Body).Decode(v)
//
// In both modes the drain check is silent where reuse is impossible: a
// Transport with DisableKeepAlives set (a literal, a local variable, a
// package variable or an unexported field the package stores such a
// client or Transport in, or a freshTransport(noReuse) function); an
// HTTP/2-only Transport, whose Protocols get SetHTTP2(true) or
// SetUnencryptedHTTP2(true) and never SetHTTP1(true), or
// golang.org/x/net/http2's Transport, where an unread Close resets one
// stream and the connection stays pooled; a Transport literal whose dial
// hook hands out a connection it does not dial (see below); a range loop
// whose request URL takes its host from the element the loop visits
// ("http://" + node.Host + …, fmt.Sprintf("https://%s/…", host)): each
// iteration dials another server, so there is no connection to reuse; on a
// defer resp.Body.Close() placed before the if err != nil check, which is
// go vet's httpresponse finding (a nil response) and which a drain fix
// would hide from vet; when the request is not known to have a body to
// drain: only http.Get, Post, PostForm and the Client methods of those
// names, or Do/RoundTrip of a request built in the same function by
// http.NewRequest[WithContext] with a constant method other than HEAD and
// never changed, are checked; on paths through a status test for 1xx
// (101 Switching Protocols: the body is the connection), 204 or 304, or a
// zero ContentLength test. Any read counts as a drain: Read, io.ReadAll, io.Copy,
// io.CopyN, a bounded io.LimitReader, a JSON/XML decoder, a scanner, a
// helper that reads it. HTTP/2 negotiated by TLS (DefaultTransport to an
// https URL) is not modeled: the analysis cannot know the server's
// answer; one more reason the default reports only repeating shapes.
//
// Ownership moves, and the obligation with it. These hand the response
// (or its Body, or an alias: body := resp.Body) on, and nothing is
// reported after them: returning it; sending it on a channel; storing it
// in a field, map, slice, global, or a composite literal that is itself
// handed on; capturing it in a closure that is passed on or run later
// (t.Cleanup); passing it as a method value (resp.Body.Close); passing it
// to a function that closes or keeps it, or to one the analysis cannot
// see into (interface methods, function values of unknown origin,
// functions without facts: silence rather than a guess); a goroutine that
// closes it or passes it on. Everything else is a plain use that owes the
// Close still: reading fields (resp.StatusCode), comparing it, _ = resp,
// printing it, a local struct that holds it and is then abandoned, a
// goroutine that only reads it, a cleanup closure that is never called.
//
// A function literal called where it is written, or through a local
// variable assigned it once, is looked into: what its body does with the
// captured response counts at the call (defer cleanup() closes), and its
// parameters get a fact like a declared function's. Functions analyzed in
// this package or another carry facts:
//
//   - params(closes=#i): the function closes the body of parameter i (a
//     *http.Response, or an io.Closer/io.ReadCloser) on every path;
//   - params(borrows=#i): it neither closes nor keeps parameter i, so the
//     caller still owes the Close (a status check, a JSON decode helper);
//   - params(keeps=#i): it returns a value that holds parameter i, its
//     body or a reader over it (a streaming-response constructor): the
//     obligation goes with that value;
//   - params(reads=#i): it reads the body of parameter i on some path;
//   - params(eof=#i): on every path that returns it read the body of
//     parameter i to EOF or to a read error (io.ReadAll): the connection
//     is released already;
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
//     all carry the fact carries it too (an SDK interface and its client);
//   - freshTransport: the function returns a *http.Client, *http.Transport
//     or http.RoundTripper, or a struct that embeds a client, built on
//     every call with a Transport of its own (noReuse: with keep-alives
//     disabled, HTTP/2 only, or serving one connection it did not dial).
//
// Not reported as leaks, because the connection does not outlive the
// function or was released already:
//
//   - a body read to EOF on the path: io.ReadAll, io.Copy or CopyBuffer
//     from it, a ReadFrom into memory, a helper with the eof fact. At EOF
//     the Transport puts the connection back in the pool, on a read error
//     it closes it (transport.go, bodyEOFSignal's fn): the missing Close
//     holds nothing. io.ReadAll of io.LimitReader(body, N), N a constant
//     of at least the drain limit, counts too: the limit guards against a
//     runaway response. Shorter limits, io.CopyN, decoders and scanners
//     may stop short and are still reported. A write error
//     that stops io.Copy early is not modeled;
//   - a request whose context the function cancels when it returns: built
//     with NewRequestWithContext, WithContext or Clone from a ctx of
//     context.WithCancel, WithTimeout or WithDeadline (or their Cause
//     forms, and contexts derived by any call that takes a context first
//     and returns one, but context.WithoutCancel) whose cancel is deferred
//     in the function; or from a context parameter of an unexported
//     function every caller in the package cancels soon after the call
//     returns: a cancel() statement right after the call, a deferred
//     cancel when the call is in a return statement, a deferred cancel of
//     the declared function around the call (not main or init, whose
//     defers run at exit) when the call is in no loop there, or callers
//     that pass their own context parameter on to callers that cancel it,
//     up to three calls up. The Transport closes the connection when the
//     context is done (transport.go, readLoop). Still reported when the
//     leak is in a loop, where open bodies pile up before the return;
//   - leaks whose every exit returns a non-nil error that ends the
//     program: a function of package main called only from main, each
//     call followed by an if that exits on the error, or the entry point
//     of an ffcli, cobra or urfave/cli Command (Exec, Run, RunE, Action);
//   - a request through a Transport literal of the function whose dial
//     hook (Dial, DialContext, DialTLS, DialTLSContext) is a function
//     literal that calls nothing returning a net.Conn: it hands out a
//     connection made elsewhere (from a channel, an in-memory conn), which
//     the function owns and ends.
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
// does nothing else with the response, no closure or goroutine uses it,
// and the call is not in a loop; when the leaking path read nothing, a
// deferred bounded drain and close instead. For a body closed unread,
// turn defer resp.Body.Close() into
//
//	defer func() {
//		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
//		_ = resp.Body.Close()
//	}()
//
// or insert the io.Copy line before a resp.Body.Close() statement, adding
// the io import when missing. The drain is bounded by -drain-limit bytes:
// an unbounded io.Copy(io.Discard, resp.Body) would let a runaway upstream
// hold the caller for its whole timeout in what reads like cleanup
// (net/http itself drains at most 2 KiB before following a redirect).
//
// Flags:
//
//	-drain=true        report bodies closed unread where the lost reuse repeats;
//	                   all: on every unread path; false: never
//	-drain-limit=65536 bytes the drain fix reads at most (written 64<<10);
//	                   0 or less: an unbounded io.Copy
//	-tests=false       also check _test.go files
//
// -drain is not a boolean flag: write -bodyclose.drain=false, not
// -bodyclose.drain alone (go vet would parse a boolean flag's value as a
// bool and refuse all).
package bodyclose
