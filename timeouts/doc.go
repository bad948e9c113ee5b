// Package timeouts defines an Analyzer that reports HTTP clients, servers
// and transports that can wait forever.
//
// # Analyzer timeouts
//
// timeouts: report http.Client, http.Server and http.Transport values that can wait forever
//
// Reports `http.Server`, `http.Client` and `http.Transport` values that can
// wait forever, following the value through variables and fields, not only the
// literal.
//
// The zero values of net/http have no timeouts. A `Server` with neither
// `ReadHeaderTimeout` nor `ReadTimeout` lets a client hold a connection and a
// goroutine forever by dripping its headers (Slowloris); with neither
// `IdleTimeout` nor `ReadTimeout` idle keep-alive connections are never closed
// (`IdleTimeout` falls back to `ReadTimeout`, not `ReadHeaderTimeout`, and
// only when `ReadTimeout` is not zero: an explicit `ReadTimeout: 0` is no
// fallback). `http.ListenAndServe` & co. build such a server and give no way
// to fix it. A `Client` without `Timeout` — and `http.DefaultClient`,
// `http.Get`, `Head`, `Post`, `PostForm` — waits forever on a stuck server. A
// `Transport` literal starts from zero values, not from
// `http.DefaultTransport`: no TLS handshake timeout (10 s), no idle connection
// timeout (90 s), no dial timeout (30 s). `net.Dialer{KeepAlive: -1}` turns
// TCP keep-alive probes off, so a dead peer on a pooled connection goes
// unnoticed.
//
// Bad:
//
//	srv := &http.Server{Addr: addr, Handler: mux} // no ReadHeaderTimeout, IdleTimeout or ReadTimeout
//	go srv.ListenAndServe()
//
//	client := &http.Client{Transport: &http.Transport{Proxy: http.ProxyFromEnvironment}}
//	resp, err := client.Get(url) // no Timeout; the Transport lost DefaultTransport's dial and TLS handshake timeouts
//
//	http.ListenAndServe(":8080", nil)
//	resp, err = http.Get(url)
//
// Good:
//
//	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
//
//	tr := http.DefaultTransport.(*http.Transport).Clone()
//	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
//
//	srv := &http.Server{Handler: mux}
//	srv.ReadTimeout = cfg.ReadTimeout // set later in the function, or by a method on the stored value: fine
//
// # Reported
//
//   - a `Server` (`&http.Server{…}`, `http.Server{…}`, a literal with elided
//     type in a slice or map literal, `new(http.Server)`, a zero `var`) that
//     is served (`ListenAndServe`, `ListenAndServeTLS`, `Serve`, `ServeTLS`,
//     also as method values) with neither `ReadHeaderTimeout` nor a non-zero
//     `ReadTimeout` and/or neither `IdleTimeout` nor a non-zero `ReadTimeout`
//     — one diagnostic naming what is missing;
//   - `http.ListenAndServe`, `ListenAndServeTLS`, `Serve`, `ServeTLS`;
//   - a `Client` created the same ways, without `Timeout`, that sends a
//     request: `Get`, `Head`, `Post`, `PostForm`, or `Do` with a request built
//     in the function by `http.NewRequest` (or
//     `NewRequestWithContext(context.Background(), …)`) and never given
//     another context — also in a polling loop that rebuilds the request each
//     round. A send that reqctx reports for leaving out the context its
//     function has in scope (`http.Get(u)` with a `ctx` in scope, a request
//     built by `http.NewRequest` there) is reqctx's finding alone: its fix
//     gives the request the caller's context, and with it the caller's
//     deadline. Where reqctx does not report it (a goroutine, a directive that
//     silences reqctx), timeouts does. With `-reqctx=false` these sends are
//     reported by neither: timeouts still reads reqctx's result;
//   - requests through `http.DefaultClient` (`Do`: same condition), the
//     functions `http.Get`, `Head`, `Post`, `PostForm`, and `if c == nil { c =
//     http.DefaultClient }` fallbacks in libraries, when `c` then sends a
//     request as above; not when its sends carry the caller's context (a watch
//     that streams with that context is right to use the default client) nor
//     when `c` is stored for later (its requests may carry a deadline);
//   - a struct field of type `http.Client` (a value) that holds the zero
//     Client: unexported, its address never taken, every store of it in view
//     (`engine.Index.FieldStores`) and none a Client with `Timeout`, nor its
//     `Timeout` set anywhere, when a request goes through it as above —
//     reported once, at the field (package `zeroclient`);
//   - a `Transport` literal (or `new(http.Transport)`) through which a request
//     can wait forever: no dial hook (`DialContext`/`Dial`), no
//     `TLSHandshakeTimeout`, and no `Client` `Timeout` in view (the `Timeout`
//     of the `http.Client` literal it goes into, or of the client variable
//     whose `Transport` it is assigned to, bounds dial and handshake). A TLS
//     dial hook (`DialTLSContext`/`DialTLS`) does its own dialing and
//     handshake; a literal that sets its own dialer was configured on purpose
//     for its endpoints (a unix socket, a LAN device, a metadata server, plain
//     HTTP ) and is not reported for `TLSHandshakeTimeout` alone — unless it
//     sets `TLSClientConfig` too: it is configured for TLS, and a dialer bounds
//     the connection, not the handshake after it. A `Client`
//     literal reported for its missing `Timeout` whose `Transport` is such a
//     literal is reported once, on the `Client` (one `Timeout` bounds the dial
//     and the handshake too); the `Transport` then only for `IdleConnTimeout`,
//     with `-timeouts.idle-conn`. A `Timeout` assigned to the `Client` after its
//     literal, or set by every value the package stores in the `Client`'s
//     unexported field, counts. The `Transport` of an `http.Client`, of an `httputil.ReverseProxy` (field
//     assignment or literal), or in any other `http.RoundTripper` field of a
//     standard library type is its expected use;
//   - with `-timeouts.idle-conn` only, a `Transport` whose one missing timeout
//     is `IdleConnTimeout` (not with `DisableKeepAlives: true`, nor a TLS dial
//     hook with `MaxConnsPerHost`, a bounded set of connections the program
//     owns). Off by default: a long-lived client that bounds dial and TLS (or
//     sits under a `Client` `Timeout`) and polls a fixed set of hosts reuses
//     its bounded idle pool (`MaxIdleConnsPerHost`) every interval, and no
//     maintainer would add the field. Turn it on for clients that talk to many
//     distinct hosts (idle connections pile up, one per host) or to servers
//     that drop idle connections sooner than the client expects — the next
//     request on a reused connection fails with `EOF` / "connection reset";
//     the client's `IdleConnTimeout` should be shorter than the server's
//     `IdleTimeout`;
//   - a `net.Dialer` literal with a negative constant `KeepAlive` used as a
//     Transport's dial hook.
//
// The value is followed through local and unexported package-level variables,
// unexported struct fields of the package (`a.srv = &http.Server{…}` in a
// constructor, `a.srv.ReadTimeout = …` in a method: fine; a server stored in a
// field and served from a goroutine), slices and maps (`servers :=
// []*http.Server{api, admin}`, `m["api"] = srv`, `xs = append(xs, srv)`,
// range, index). A field counts as set when the literal gives it any value —
// an explicit `Timeout: 0` or `IdleTimeout: 0` is a visible, deliberate choice
// that opts out of that field only (an explicit `ReadTimeout: 0` is no
// fallback for the other two) — or it is assigned, or its address is taken
// (`flag.DurationVar(&srv.ReadTimeout, …)`), anywhere in the function (for
// fields and package variables: anywhere in the package). A local variable
// assigned more than once holds one value after another: a field set or a
// serve counts for the value it holds from its assignment to the next
// (`server.ReadHeaderTimeout = 3 * time.Second; server = &http.Server{…};
// server.ListenAndServe()` reports the second literal). Config values count as
// set; a Server on which `SetKeepAlivesEnabled` is called needs no
// `IdleTimeout`, a Transport on which `CloseIdleConnections` is called (`defer
// t.CloseIdleConnections()`) no `IdleConnTimeout`.
//
// Constructors: a `Server` or `Client` a function builds and returns (`return
// &http.Server{…}`, `c := new(http.Client); …; return c`) is followed to the
// calls of the function in its package. It is reported at its literal when a
// caller serves or sends with it without setting the missing fields, and not
// when the callers set them; an exported constructor then carries a fact
// naming the fields it leaves unset, and a caller in another package that
// serves or sends without setting them is reported at the call (`http.Server
// from pkg.NewServer without …; set them before serving or sending`). An
// exported `Server` constructor with no caller in its package that serves is
// reported at its literal, where the fix belongs (as gosec's G112 does); an
// exported `Client` constructor with no such caller is not: the caller may set
// `Timeout`, and a constructor that wraps a `RoundTripper` (a fake, a cache, a
// retrying shim) hands the timeouts to it. A function that starts serving a
// server (`go srv.Serve(ln)`) and then returns it is reported: the caller can
// no longer set its timeouts safely.
//
// # Fix
//
// The missing fields are added to the literal — `ReadHeaderTimeout: 10 *
// time.Second`, `IdleTimeout: 2 * time.Minute`, `Timeout: 30 * time.Second`
// (values set by flags; durations are written `30 * time.Second`, `2 *
// time.Minute`, `1500 * time.Millisecond`). A `Transport` literal assigned to
// a variable becomes a clone of `http.DefaultTransport` with the literal's own
// fields set on it, comments kept:
//
//	tr := &http.Transport{          // before
//		Proxy:        http.ProxyFromEnvironment,
//		MaxIdleConns: 10, // a few
//	}
//
//	tr := http.DefaultTransport.(*http.Transport).Clone() // after
//	tr.Proxy = http.ProxyFromEnvironment
//	tr.MaxIdleConns = 10 // a few
//
// Any other `Transport` literal gets DefaultTransport's `TLSHandshakeTimeout:
// 10 * time.Second` and `DialContext: (&net.Dialer{Timeout: 30 * time.Second,
// KeepAlive: 30 * time.Second}).DialContext`. Neither fix changes the protocol
// the Transport negotiates: net/http attempts HTTP/2 on a Transport with its
// own dialer or TLS config only when `ForceAttemptHTTP2` is set, so the added
// dialer comes with `ForceAttemptHTTP2: true` where the literal attempted
// HTTP/2, and the clone (which has `ForceAttemptHTTP2: true`) gets
// `tr.ForceAttemptHTTP2 = false` where the literal's own dialer or TLS config
// kept HTTP/2 off (an end-to-end test checks each against an HTTP/2 `httptest`
// server). Note that the clone also takes DefaultTransport's `Proxy:
// http.ProxyFromEnvironment` when the literal had no `Proxy`. Fixed literals
// are printed as gofmt prints them (one-line literals stay on one line,
// multi-line ones get one field a line), and the `time` and `net` imports join
// the file's import block (no fix when the name is taken).
// `http.ListenAndServe(addr, h)` becomes `(&http.Server{Addr: addr, Handler:
// h, ReadHeaderTimeout: …, IdleTimeout: …}).ListenAndServe()`, and likewise
// for the other three (no fix when the handler would move before an argument
// with side effects). `DefaultClient`, `http.Get`, `new`, zero vars, zero
// Client fields (the zero value is made wherever the struct is: there is no one
// literal to edit), calls of other packages' constructors and `KeepAlive` get
// no fix: the message says what to use.
//
// # Strict
//
// With `-strict` (golangci-lint: `strict: true`), which also turns
// `-timeouts.tests` and `-timeouts.idle-conn` on unless they are set
// explicitly, these are reported too, as contract findings:
//
//   - every `http.Server` without `ReadHeaderTimeout` or `IdleTimeout` (or a
//     `ReadTimeout`), whether or not it is served in view, whatever reaches
//     it (loopback, a listener of unknown origin) and wherever it goes
//     (passed on, stored in an exported field): what the literal and the
//     code in view leave unset;
//   - an explicit `ReadHeaderTimeout: 0` or `IdleTimeout: 0` (literal or
//     assignment) counts as none, as it is to net/http; the fix replaces the
//     zero;
//   - `http.ListenAndServe` & co. on a loopback address, and `http.Serve(ln,
//     h)` on a listener the analysis cannot see;
//   - a `Client` without `Timeout` returned by an exported constructor that
//     no caller in its package sends with;
//   - a `Transport` whose only missing timeout is `IdleConnTimeout`
//     (`-timeouts.idle-conn`);
//   - [test code] (`-timeouts.tests`). The values test code stores or passes
//     make an address public only with `-timeouts.tests` set explicitly.
//
// # Flags
//
//	-timeouts.server=true              report Servers without
//	                                   ReadHeaderTimeout/IdleTimeout
//	-timeouts.client=true              report Clients without Timeout
//	-timeouts.default-client=true      report http.DefaultClient, http.Get &
//	                                   co. and nil-client fallbacks (false for
//	                                   CLIs that accept them)
//	-timeouts.transport=true           report Transports and Dialer.KeepAlive
//	-timeouts.idle-conn=false          also report Transports whose only
//	                                   missing timeout is IdleConnTimeout
//	-timeouts.listen=true              report http.ListenAndServe & co.
//	-timeouts.tests=false              also check test code
//	-timeouts.client-timeout=30s       Timeout the Client fix adds
//	-timeouts.read-header-timeout=10s  ReadHeaderTimeout the Server fixes add
//	-timeouts.idle-timeout=2m0s        IdleTimeout the Server fixes add
//
// The three durations are values a fix writes into code:
// `-timeouts.client-timeout=0s` or a negative duration is rejected with an
// error (a zero timeout is no timeout; to silence a check, turn its kind off).
//
// # Not reported: loopback servers
//
// Because no slow client can reach the server: a loopback listen address
// (`"127.0.0.1:6060"`, `"localhost:8080"`, `"[::1]:80"`; also a loopback host
// with a port from elsewhere, `fmt.Sprintf("localhost:%d", port)`,
// `net.JoinHostPort("127.0.0.1", port)`, `"127.0.0.1:" + port`) in `Addr` or
// in `http.ListenAndServe(addr, …)`, and a server whose every `Serve` is on a
// listener made by `net.Listen("tcp", loopback address)` or
// `net.Listen("unix", …)` (also through `net.ListenConfig.Listen`,
// `tls.NewListener`, `netutil.LimitListener`). The address and the listener
// are followed through:
//
//   - local variables (`addr := "127.0.0.1:9911"; http.ListenAndServe(addr,
//     mux)`);
//   - unexported fields and package variables, and fields of the package's
//     unexported types: every value the package stores in them (a listener
//     made by `net.Listen("tcp", "127.0.0.1:0")` in a constructor, kept in
//     `s.ln` and served by a method);
//   - the elements of a slice ranged over: its literal elements and the values
//     appended to it ;
//   - parameters of unexported functions and methods: the arguments of every
//     call in the package (`newAuthServer(opt, bindAddress)` storing a
//     loopback constant in the field that becomes `Addr`);
//   - parameters of a function literal assigned to a local variable, and
//     method values (`serve = srv.Serve`): the arguments of every call of that
//     variable ;
//   - flags whose default is a loopback address (`flag.String("addr",
//     "localhost:8080", …)`, `fs.StringVar(&args.listen, "listen",
//     "127.0.0.1:8384", …)`): the program listens on loopback unless its user
//     points it elsewhere, and a user who does chose to.
//
// A value that is public on one path (`addr = ":8080"` in one branch, one
// caller passing `":80"`) is reported. Public addresses (`":8080"`,
// `"0.0.0.0:8080"`), addresses from parameters of exported functions, from the
// environment or from flags with a public default, and example programs keep
// being reported: people copy examples.
//
// # Not reported: listeners of unknown origin
//
// Because the analyzer cannot know who connects: a server whose every `Serve`
// is on a listener that is not visibly public. A listener is visibly public
// when it is made by `net.Listen`, or by any function or method named
// `Listen…` called with a TCP network (a constant, or a variable whose every
// value is one, `"tcp4"` on one branch and `"tcp"` on the other) and an
// address (a library's own `Listen` over an overlay network too: its peers are
// clients as well), on an address not known to be loopback. A listener passed
// in as a parameter of an exported function or of a function literal, or made
// by another function — a library's unix-socket or in-memory listener, systemd
// socket activation, a splitter of a loopback listener,
// `netutil.NewOneConnListener(c, nil)` around a connection the caller hands
// over, a channel of connections the program dialed itself — may be a unix
// socket, a pipe or loopback, and the analyzer stays silent. The price: public
// servers built that way are missed too (a framework's `RunListener(ln)`);
// give them timeouts by review.
//
// # Not reported: clients of a local process
//
// Because its peer is a local process: an `http.Client` literal whose
// `Transport` literal dials only a unix socket (a `DialContext` or `Dial`
// function literal whose every `net.Dial`, `net.DialTimeout` or `net.Dialer`
// dial has the constant network `"unix"`). No network partition, lost packet
// or half-open connection can stall it, and a peer that dies closes the
// socket. A dialer whose network is a variable is reported.
//
// # Not reported: streamed responses
//
// Because the advice would break the request: a send whose response is
// consumed as a stream of unbounded length — its `Body` read in a loop (a
// `bufio.Scanner` or `Reader`, a `json` or `xml` `Decoder` over it, used in a
// `for` statement that does not also make it: `for scanner.Scan()`, `for
// dec.More()`), copied out by `io.Copy`/`io.CopyBuffer` to a writer other than
// `io.Discard` (a download), or the response or its `Body` returned to the
// caller. A `Client` `Timeout` covers reading the body, and so does a context
// deadline: either would cut a followed log stream or a toolchain download.
// Such a send can still hang before its first byte: bound it with the
// Transport's `ResponseHeaderTimeout`. A finite body read line by line looks
// the same and is missed.
//
// # Not reported: what the analyzer cannot know
//
// Because the analyzer cannot know: explicit zero values; values passed to a
// function or method (`configure(srv)`, `http2.ConfigureServer(srv, …)`),
// stored in an exported field or variable, in another package's struct (other
// than the standard `http.RoundTripper` fields above) or in an interface,
// named results, copies and aliases, values whose address is taken; Transports
// returned by a function; unexported constructors whose callers do not serve
// or send; servers and clients never seen serving or sending; unkeyed
// literals; `Do` with a request that carries a context from elsewhere
// (`NewRequestWithContext(ctx, …)` with the caller's `ctx`,
// `req.WithContext(ctx)`, a request passed in: the deadline may come with it);
// `httptest` servers and clients; [test code] (whose callers are tests bounded
// by `go test -timeout`), unless `-timeouts.tests`; nor, when addresses and
// listeners are followed, the values test code stores or passes (a test that
// points a flag at `":0"` configures the test). Order is checked only between
// the assignments of a local variable: for fields and package variables, a
// timeout set anywhere in the package counts as set.
//
// # Tests
//
// Each rule, and the packages under timeouts/testdata/src that hold its
// positive and negative cases:
//
//   - Reported, servers: server, semantics, decls with declsdep
//     (declarations that name no identifier of net/http), ctorlib and
//     ctoruse (constructor facts across packages)
//   - Reported, clients: client, shapes, zeroclient (struct fields of type
//     http.Client)
//   - Reported, transports: transport; idleconn (-timeouts.idle-conn)
//   - Fix: fix, listenfix, transportfix, fixflags (the fix's durations set
//     by flags), golden files
//   - Strict: strictmode
//   - Flags: flagsoff (each kind turned off); testsoff, widgettest with
//     widget, promtestutil (test support, left out by default), latest
//     (ordinary code whose name ends in "test"), testson (-timeouts.tests)
//   - Not reported: loopback servers: loopback
//   - Not reported: listeners of unknown origin, clients of a local
//     process: reach
//   - Not reported: streamed responses: stream
//   - Code with type errors is not reported on, and does not crash: broken
//
// [test code]: https://github.com/httpvet/httpvet/blob/main/README.md#test-code
package timeouts
