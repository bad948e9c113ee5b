// Package deadlineconn defines an Analyzer that reports absolute
// deadlines set on connections returned by http.Transport dial hooks.
//
// # Analyzer deadlineconn
//
// deadlineconn: report absolute deadlines set on pooled connections inside http.Transport dial hooks
//
// A deadline on a `net.Conn` is an absolute instant; it does not move when
// data flows. Set inside a Transport dial hook (`DialContext`, `Dial`,
// `DialTLSContext`, `DialTLS`) "to bound the request", it stays on a
// connection that the Transport pools and reuses: once the instant passes,
// every later request on that connection fails with "i/o timeout".
// `net.Dialer.Deadline` is absolute too: computed once, every dial after it
// fails. Bound the whole request with `http.Client.Timeout` or a request
// context deadline, the wait for headers with
// `Transport.ResponseHeaderTimeout`, and the connect phase with
// `net.Dialer.Timeout`.
//
// Bad:
//
//	tr := &http.Transport{
//		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
//			conn, err := dialer.DialContext(ctx, network, addr)
//			if err != nil {
//				return nil, err
//			}
//			conn.SetDeadline(time.Now().Add(3 * time.Second)) // reused conns fail after 3s
//			return conn, nil
//		},
//	}
//
// Good:
//
//	tr := &http.Transport{
//		DialContext:           (&net.Dialer{Timeout: 5 * time.Second}).DialContext, // connect phase
//		ResponseHeaderTimeout: 10 * time.Second,
//	}
//	client := &http.Client{Transport: tr, Timeout: 30 * time.Second} // or a request context deadline
//
// # Reported
//
// The analyzer finds dial hooks in `http.Transport` composite literals and in
// assignments to those fields of a Transport, and reports:
//
//   - `SetDeadline`, `SetReadDeadline` or `SetWriteDeadline` (on `net.Conn`,
//     `*net.TCPConn`, `*tls.Conn` or any type with such a method taking a
//     `time.Time`) with a value computed from `time.Now`, on the connection
//     the hook returns or a variable that connection is built from
//     (`tls.Client(conn, …)`, `&wrapper{conn}`), when some path from the call
//     reaches a return of a non-nil connection without a zero-time call
//     clearing it;
//   - hooks that are func literals, named functions or methods of this package
//     (reported at the call), or functions of other packages, or a function
//     the hook gets its connection from, that return a connection with such a
//     deadline (fact `returnsDeadline`; a hook from another package is
//     reported at the Transport field);
//   - helpers that set the deadline on their connection parameter
//     (`setTimeout(conn)`) and neither clear it nor close the connection, any
//     number of calls deep, in any package (fact `setsDeadline`); a helper
//     that also returns the connection (`return arm(conn, 10*time.Second),
//     nil`) is followed through its result too (fact `setsDeadline(#0) and
//     returns it`);
//   - hooks built by a factory (`tr.DialContext = timeoutDialer(connect, rw)`)
//     whose returned dial func — a func literal, a local variable holding one,
//     a named function, or another factory's result — sets such a deadline on
//     the connection it returns (fact `returnsDialer`, which records the
//     deadline call and its file:line), from any package: reported at the
//     hook, naming the factory and the line;
//   - a `net.Dialer{Deadline: …}` (or a local Dialer variable assigned
//     `d.Deadline = …`) whose `Dial` or `DialContext` method value is a dial
//     hook.
//
// A factory, reported at the hook:
//
//	func timeoutDialer(connect, rw time.Duration) func(network, addr string) (net.Conn, error) {
//		return func(network, addr string) (net.Conn, error) {
//			conn, err := net.DialTimeout(network, addr, connect)
//			if err != nil {
//				return nil, err
//			}
//			conn.SetDeadline(time.Now().Add(rw))
//			return conn, nil
//		}
//	}
//
//	tr.Dial = timeoutDialer(5*time.Second, 30*time.Second)
//	// the dial func returned by timeoutDialer through SetDeadline at dial.go:17 sets an absolute deadline …
//
// # Fix
//
// Delete the deadline call when it is a statement of its own, `_ =
// conn.SetDeadline(…)`, or an `if err := conn.SetDeadline(…); err != nil { …
// }` whose only effect is handling that error (imports left unused are
// removed). Other shapes, helper calls and `Dialer.Deadline` get no fix: the
// replacement (a client timeout, a `Dialer.Timeout`) is a design decision.
//
// # Not reported
//
// Deadlines cleared with `SetDeadline(time.Time{})` (or the matching read and
// write zero-time calls, or a deferred clear) on every path before the return;
// paths that return a nil connection; deadlines set in a wrapper's
// `Read`/`Write` (an idle timeout re-armed on each call); dial helpers never
// used as a Transport hook (raw TCP clients, line protocols); server-side
// (`Accept`) and hijacked connections; Transports whose literal sets
// `DisableKeepAlives: true` or whose variable is assigned `DisableKeepAlives =
// true`; `net.Dialer.Timeout`, `Client.Timeout`, context deadlines; deadlines
// on another connection than the one returned (a probe connection); factories
// whose dial func clears the deadline before returning or arms it only around
// a handshake; helpers that close the connection they set a deadline on.
//
// Silent when it cannot know: deadlines not computed from `time.Now` (they may
// be zero), hooks that are variables (`dial := makeDialer(…); tr.DialContext =
// dial`), factories that hand their dial func back through a struct or an
// interface, hooks built with generics or reflection. Helpers and factories in
// a package that does not import package net, directly or not (a helper over
// its own `interface{ SetDeadline(time.Time) error }`): their facts are not
// computed, in any driver, as under go vet, which does not run httpvet on such
// a package.
//
// # Strict
//
// `-strict` adds nothing to deadlineconn: it checks test code by default, and
// every shape it reports costs something at run time (class cost).
//
// # Flags
//
// None. Test code is always checked: a deadline on a pooled connection fails a
// test's later requests the same way.
//
// # Tests
//
// Each rule, and the packages under deadlineconn/testdata/src that hold its
// positive and negative cases:
//
//   - Reported and Not reported: a; helpers (facts of helpers that set
//     deadlines); factories and usefactories (dial funcs built by a
//     constructor in another package); nonet and nonetuse (a package that
//     does not reach net: its facts are not computed)
//   - Fix: fix (golden files)
//   - Code with type errors is not reported on, and does not crash: broken
package deadlineconn
