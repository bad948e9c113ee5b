// Package timeouts defines an Analyzer that reports HTTP clients, servers
// and transports that can wait forever.
//
// # Analyzer timeouts
//
// timeouts: report http.Client, http.Server and http.Transport values that can wait forever
//
// The zero values of net/http's types have no timeouts. A Server without
// ReadHeaderTimeout or ReadTimeout lets a client hold a connection and a
// goroutine forever by sending its headers slowly (Slowloris); one
// without IdleTimeout or ReadTimeout never closes idle keep-alive
// connections (IdleTimeout falls back to ReadTimeout, not to
// ReadHeaderTimeout). A Client without Timeout waits forever on a stuck
// server, and so do http.DefaultClient and http.Get, Head, Post and
// PostForm. A Transport literal starts from zero values, not from
// http.DefaultTransport: it loses the 10s TLS handshake timeout, the 90s
// idle connection timeout and the 30s dial timeout.
//
// The analyzer follows the value, not only the literal. It reports:
//
//   - an http.Server created by a literal (&http.Server{…}, http.Server{…},
//     a literal with its type elided in a slice or map literal),
//     new(http.Server) or a zero var, that is served (ListenAndServe,
//     ListenAndServeTLS, Serve, ServeTLS, also as a method value) and has
//     neither ReadHeaderTimeout nor ReadTimeout, or neither IdleTimeout
//     nor ReadTimeout: one diagnostic naming what is missing;
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
//     sends a request as above; not when its
//     sends carry a context from elsewhere (a watch that streams with the
//     caller's context must not time out), nor when c is stored for later
//     (its requests may carry a deadline);
//   - an http.Transport literal (or new(http.Transport)) without
//     TLSHandshakeTimeout, IdleConnTimeout (not needed with
//     DisableKeepAlives) or a dial hook (DialContext or Dial); a TLS dial
//     hook (DialTLSContext, DialTLS) does its own dialing and handshake,
//     and the Timeout of the http.Client literal the Transport goes into
//     bounds both: then only IdleConnTimeout is asked for; a literal that
//     sets its dialer and handles idle connections (IdleConnTimeout or
//     DisableKeepAlives) is taken as configured on purpose, maybe for
//     plain HTTP, and not reported for TLSHandshakeTimeout alone; a TLS
//     dial hook with MaxConnsPerHost set is a bounded set of connections
//     the program owns and keeps idle on purpose: no IdleConnTimeout is
//     asked for;
//   - a net.Dialer literal with a negative constant KeepAlive whose
//     DialContext or Dial is the dial hook of a Transport literal: TCP
//     keep-alive probes are off, dead peers go unnoticed on pooled
//     connections.
//
// A value is followed through a local variable, a package-level
// variable, an unexported struct field of the package (assigned or set in
// a composite literal), a slice or map variable (range, index). A field
// counts as set when it has a value in the literal — even an explicit
// zero, a deliberate choice (streaming clients, long polls) — or is
// assigned (or its address taken, as in flag.DurationVar(&srv.ReadTimeout,
// …)) anywhere in the function, or, for fields and package variables,
// anywhere in the package, through any expression denoting that variable
// or field (a.srv.ReadTimeout = … in a method). Non-constant values count
// as set; a Server whose SetKeepAlivesEnabled is called needs no
// IdleTimeout, a Transport whose CloseIdleConnections is called no
// IdleConnTimeout. Order is not checked: a field set after the value is used is
// taken as set.
//
// It stays silent when it cannot see every use: values returned to the
// caller (who may configure them), passed to a function or method, stored
// in an exported field or variable, in a field of another package's
// type, in an interface (http.RoundTripper), in a named result, copied
// or aliased to another variable, or whose address is taken. A Transport
// is followed the same way, except that being the Transport of an
// http.Client is its expected use; it is reported even if no request is
// seen. Servers and clients that are never seen serving or sending are
// not reported. Positional (unkeyed) literals are not reported.
// Requests sent with Do whose request carries a context from elsewhere (a
// parameter, req.WithContext(ctx), a request passed in) are not reported:
// the context may have a deadline, the analyzer cannot know. httptest
// servers and clients are not involved (their values are made in package
// httptest); _test.go files, and files that import net/http/httptest
// (test support code), are skipped unless -timeouts.tests is set.
//
// Fixes: a Server literal gets the missing ReadHeaderTimeout and
// IdleTimeout (10s and 2m by default); a Client literal gets Timeout
// (30s); a Transport literal gets TLSHandshakeTimeout: 10s,
// IdleConnTimeout: 90s and DialContext: (&net.Dialer{Timeout: 30s,
// KeepAlive: 30s}).DialContext, the values of http.DefaultTransport. The
// time and net imports are added when missing (no fix when the name is
// taken). http.ListenAndServe(addr, h) becomes
// (&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout: …,
// IdleTimeout: …}).ListenAndServe(), and likewise for the others (no fix
// when the handler would move before an argument with side effects).
// new(T), zero vars, DefaultClient, http.Get and negative KeepAlive get
// no fix: the message says what to use instead.
//
// Flags (all kinds on by default):
//
//	-timeouts.server=false          no Server checks
//	-timeouts.client=false          no Client checks
//	-timeouts.default-client=false  no DefaultClient / http.Get / fallback checks
//	-timeouts.transport=false       no Transport and Dialer.KeepAlive checks
//	-timeouts.listen=false          no http.ListenAndServe & co. checks
//	-timeouts.tests                 also check _test.go files and files importing net/http/httptest
//	-timeouts.client-timeout=30s    Timeout added by the Client fix
//	-timeouts.read-header-timeout=10s  ReadHeaderTimeout added by the Server fixes
//	-timeouts.idle-timeout=2m       IdleTimeout added by the Server fixes
package timeouts
