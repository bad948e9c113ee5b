// Package timeouts defines an Analyzer that reports HTTP clients, servers
// and transports that can wait forever.
//
// # Analyzer timeouts
//
// timeouts: report http.Client, http.Server and http.Transport values that can wait forever
//
// The zero values of net/http's types have no timeouts. A Server without
// ReadHeaderTimeout or a non-zero ReadTimeout lets a client hold a
// connection and a goroutine forever by sending its headers slowly
// (Slowloris); one without IdleTimeout or a non-zero ReadTimeout never
// closes idle keep-alive connections (IdleTimeout falls back to
// ReadTimeout, not to ReadHeaderTimeout, and only when ReadTimeout is
// not zero). A Client without Timeout waits forever on a stuck server,
// and so do http.DefaultClient and http.Get, Head, Post and PostForm. A
// Transport literal starts from zero values, not from
// http.DefaultTransport: it loses the 30s dial timeout, the 10s TLS
// handshake timeout and the 90s idle connection timeout.
//
// The analyzer follows the value, not only the literal. It reports:
//
//   - an http.Server created by a literal (&http.Server{…}, http.Server{…},
//     a literal with its type elided in a slice or map literal),
//     new(http.Server) or a zero var, that is served (ListenAndServe,
//     ListenAndServeTLS, Serve, ServeTLS, also as a method value) and has
//     neither ReadHeaderTimeout nor a non-zero ReadTimeout, or neither
//     IdleTimeout nor a non-zero ReadTimeout: one diagnostic naming what
//     is missing;
//   - the package functions http.ListenAndServe, ListenAndServeTLS, Serve
//     and ServeTLS, which give no way to set timeouts;
//   - an http.Client created the same ways without Timeout that sends a
//     request (Get, Head, Post, PostForm, or Do with a request built in
//     the function by http.NewRequest, or NewRequestWithContext with
//     context.Background or TODO, never given another context);
//   - requests sent through http.DefaultClient (Do: same condition), the
//     functions http.Get, Head, Post and PostForm, and
//     `if c == nil { c = http.DefaultClient }` fallbacks (a library that
//     uses the default client when its caller passes none) when c then
//     sends a request as above; not when its sends carry a context from
//     elsewhere (a watch that streams with the caller's context must not
//     time out), nor when c is stored for later (its requests may carry a
//     deadline). A send that reqctx reports for leaving out the context
//     its function has in scope (http.Get(u) with a ctx in scope, a
//     request built by http.NewRequest there) is reqctx's finding alone:
//     its fix gives the request the caller's context, and with it the
//     caller's deadline, which bounds the request as a context from
//     elsewhere does. Where reqctx does not report it (a goroutine, a
//     directive that silences reqctx), timeouts does;
//   - an http.Transport literal (or new(http.Transport)) through which a
//     request can wait forever: with no dial hook (DialContext or Dial),
//     no TLSHandshakeTimeout, and no Client Timeout in view (the Timeout of
//     the http.Client literal it goes into, or of the client variable
//     whose Transport it is assigned to, bounds the dial and the
//     handshake). A TLS dial hook (DialTLSContext, DialTLS) does its own
//     dialing and handshake; a literal that sets its own dialer was
//     configured on purpose for its endpoints (a unix socket, a LAN
//     device, plain HTTP) and is not reported for TLSHandshakeTimeout
//     alone. A Client literal reported for its missing Timeout whose
//     Transport is such a literal is reported once, on the Client (one
//     Timeout bounds the dial and the handshake too); the Transport then
//     only for IdleConnTimeout, with -timeouts.idle-conn. A Timeout
//     assigned to the Client after its literal, or set by every value the
//     package stores in the Client's unexported field, counts. The
//     Transport of an http.Client, of an
//     httputil.ReverseProxy, or in any other http.RoundTripper field of a
//     standard library type is its expected use: reported even if no
//     request is seen;
//   - with -timeouts.idle-conn, also a Transport whose only missing
//     timeout is IdleConnTimeout (not with DisableKeepAlives, nor for a
//     TLS dial hook with MaxConnsPerHost, a bounded set of connections the
//     program owns). It is off by default: a long-lived client polling a
//     fixed set of hosts reuses its bounded idle pool every interval and
//     no maintainer would add the field. It matters for clients that talk
//     to many distinct hosts (idle connections pile up) and for servers
//     that drop idle connections sooner than the client expects (the next
//     request on a reused connection fails with EOF or "connection reset":
//     IdleConnTimeout should be shorter than the server's IdleTimeout);
//   - a net.Dialer literal with a negative constant KeepAlive whose
//     DialContext or Dial is the dial hook of a Transport literal: TCP
//     keep-alive probes are off, dead peers go unnoticed on pooled
//     connections.
//
// A value is followed through a local variable, a package-level
// variable, an unexported struct field of the package (assigned or set in
// a composite literal), slices and maps (a literal of servers, xs[i] = v,
// xs = append(xs, v), range, index). A field counts as set when it has a
// value in the literal — even an explicit zero, a deliberate choice
// (streaming clients, long polls) that opts out of that field only: an
// explicit ReadTimeout: 0 is no fallback for the other two — or is
// assigned (or its address taken, as in flag.DurationVar(&srv.ReadTimeout,
// …)), for fields and package variables anywhere in the package, through
// any expression denoting that variable or field (a.srv.ReadTimeout = …
// in a method). A local variable assigned more than once holds one value
// after another: a field set, or a serve, counts for the value the
// variable holds from its assignment to the next one (in source order).
// Non-constant values count as set; a Server whose SetKeepAlivesEnabled
// is called needs no IdleTimeout, a Transport whose CloseIdleConnections
// is called no IdleConnTimeout.
//
// Constructors: a Server or Client that a function builds and returns
// without serving or sending it is followed to the calls of the function
// in the package. It is reported at its literal when a caller serves or
// sends with it without setting the missing fields, and not when the
// callers set them; an exported constructor then gets a fact naming the
// fields it leaves unset, and a caller in another package that serves or
// sends without setting them is reported at the call. An exported
// Server constructor with no caller in its package that serves is
// reported at its literal: that is where the fix belongs. An exported
// Client constructor with no such caller is not: the caller may set
// Timeout, and a constructor that wraps a RoundTripper (a fake, a cache,
// a retrying shim) hands the timeouts to it. A function that
// starts serving a server (go srv.Serve(ln)) and then returns it is
// reported: the caller can no longer set its timeouts safely.
//
// Not reported, because no slow client can reach the server: servers whose
// listen address is a loopback address ("127.0.0.1:6060",
// "localhost:8080", "[::1]:80"; also a loopback host with any port,
// fmt.Sprintf("localhost:%d", port), net.JoinHostPort("127.0.0.1", port),
// "127.0.0.1:" + port) in Addr or in http.ListenAndServe(addr, …), and
// servers whose every Serve is on a listener made by net.Listen("tcp",
// loopback address) or net.Listen("unix", …) (also through
// net.ListenConfig.Listen, tls.NewListener, netutil.LimitListener). The
// address and the listener are followed through local variables,
// unexported fields and package variables, and fields of unexported types
// (every value the package stores in them: a listener made loopback in a
// constructor and served from a field), the elements of a slice ranged
// over (its literal elements and appended values), parameters of
// unexported functions and methods (the arguments of every call in the
// package: newAuthServer(opt, bindAddress)); parameters of a function
// literal assigned to a local variable and method values (serve =
// srv.Serve) to the calls of that variable. A flag whose default is a
// loopback address (flag.String("addr", "localhost:8080", …),
// fs.StringVar(&args.listen, "listen", "127.0.0.1:8384", …)) counts as
// loopback: the program listens there unless its user points it elsewhere,
// a choice the user made. Public addresses (":8080", "0.0.0.0:8080"),
// addresses from exported functions' parameters, from the environment or
// from flags with a public default, and example programs are reported:
// people copy examples.
//
// Not reported, because the analyzer cannot know who connects: servers
// whose every Serve is on a listener not visibly public. A listener is
// visibly public when it is made by net.Listen, or by any function or
// method named Listen… called with a TCP network (a constant, or a
// variable whose every value is one) and an address, as tsnet's
// Server.Listen, ListenTLS and ListenFunnel are (tailnet peers are peers
// too), on an address not known to be loopback. A listener passed in as a
// parameter of an exported function or of a function literal, or made by
// another function (safesocket.Listen, memnet.Listen, systemd socket
// activation, a splitter of a loopback listener, a one-connection listener
// around a conn handed over by the caller, a channel of connections the
// program dialed itself) may be a unix socket, an in-memory pipe or
// loopback: the analyzer stays silent. This misses public servers built
// that way (a library's RunListener(ln), a per-connection server for
// connections a proxy accepted): use a visible listener or review them by
// hand.
//
// Not reported, because its peer is a local process: an http.Client
// literal whose Transport literal dials only a unix socket (a DialContext
// or Dial function literal whose every net.Dial, net.DialTimeout or
// net.Dialer dial has the constant network "unix"). No network
// partition, lost packet or half-open connection can stall it, and a
// peer that dies closes the socket. A dialer whose network is a variable
// is reported.
//
// Not reported, because the advice would break the request: a send whose
// response is consumed as a stream of unbounded length — its Body read in
// a loop (a bufio.Scanner or Reader, a json or xml Decoder over it, used
// in a for statement that does not also make it), copied out by io.Copy or
// io.CopyBuffer to a writer other than io.Discard (a download), or the
// response or its Body returned to the caller. A Client Timeout covers
// reading the body, and so does a context deadline: either would cut a
// followed log stream or a large download. Such a send can still hang
// before its first byte; bound it with the Transport's
// ResponseHeaderTimeout. A finite body read line by line looks the same
// and is missed.
//
// It stays silent when it cannot see every use: values passed to a
// function or method (configure(srv), http2.ConfigureServer), stored in
// an exported field or variable, in a field of another package's type
// other than the RoundTripper fields above, in an interface, in a named
// result, copied or aliased to another variable, or whose address is
// taken; Transports returned by a function; unexported constructors whose
// callers do not serve or send. Servers and clients that are never seen
// serving or sending are not reported. Positional (unkeyed) literals are
// not reported. Requests sent with Do whose request carries a context
// from elsewhere (a parameter, req.WithContext(ctx), a request passed in)
// are not reported: the context may have a deadline, the analyzer cannot
// know. httptest servers and clients are not involved (their values are
// made in package httptest); test code (_test.go files, files that
// import testing or net/http/httptest, and packages that serve tests:
// named for a package they import followed by "test", like httptest, or
// beginning with "test", like testutil; its callers are tests bounded by
// go test -timeout) is skipped unless -timeouts.tests is set, and so are
// the values test code stores in variables and passes to parameters when
// addresses and listeners are followed.
//
// Fixes: a Server literal gets the missing ReadHeaderTimeout and
// IdleTimeout (10s and 2m by default); a Client literal gets Timeout
// (30s). A Transport literal assigned to a variable (tr := &http.Transport{…})
// becomes tr := http.DefaultTransport.(*http.Transport).Clone() followed
// by the literal's own fields set on tr (tr.F = …), comments kept; any
// other Transport literal gets the missing TLSHandshakeTimeout: 10s and
// DialContext: (&net.Dialer{Timeout: 30s, KeepAlive: 30s}).DialContext,
// the values of http.DefaultTransport. Neither changes the protocol the
// Transport negotiates: net/http attempts HTTP/2 on a Transport with its
// own dialer or TLS config only with ForceAttemptHTTP2, so the added
// dialer comes with ForceAttemptHTTP2: true where the literal attempted
// HTTP/2, and the clone gets ForceAttemptHTTP2 = false where the literal
// did not. Durations are written as 30 * time.Second, 2 * time.Minute,
// 1500 * time.Millisecond. Literals are printed as gofmt prints them
// (one-line literals stay on one line, multi-line ones get one field a
// line), and the time and net imports join the file's import block (no
// fix when the name is taken). http.ListenAndServe(addr, h) becomes
// (&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: …,
// IdleTimeout: …}).ListenAndServe(), and likewise for the others (no fix
// when the handler would move before an argument with side effects).
// new(T), zero vars, DefaultClient, http.Get, calls of constructors of
// other packages and negative KeepAlive get no fix: the message says
// what to use instead.
//
// Flags (every kind on by default, except -timeouts.idle-conn and
// -timeouts.tests):
//
//	-timeouts.server=false          no Server checks
//	-timeouts.client=false          no Client checks
//	-timeouts.default-client=false  no DefaultClient / http.Get / fallback checks
//	-timeouts.transport=false       no Transport and Dialer.KeepAlive checks
//	-timeouts.idle-conn             also report Transports missing only IdleConnTimeout
//	-timeouts.listen=false          no http.ListenAndServe & co. checks
//	-timeouts.tests                 also check test code
//	-timeouts.client-timeout=30s    Timeout added by the Client fix
//	-timeouts.read-header-timeout=10s  ReadHeaderTimeout added by the Server fixes
//	-timeouts.idle-timeout=2m       IdleTimeout added by the Server fixes
//
// The three durations must be positive: -timeouts.client-timeout=0s is
// rejected with an error (a zero timeout is no timeout; to silence a
// check, turn its kind off).
package timeouts
