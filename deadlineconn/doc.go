// Package deadlineconn defines an Analyzer that reports absolute
// deadlines set on connections returned by http.Transport dial hooks.
//
// # Analyzer deadlineconn
//
// deadlineconn: report absolute deadlines set on pooled connections inside http.Transport dial hooks
//
// A deadline on a net.Conn is an absolute instant. Set inside a function
// used as http.Transport.DialContext, Dial, DialTLSContext or DialTLS, it
// stays on a connection that the Transport pools and reuses: once the
// instant passes, every later request on that connection fails with
// "i/o timeout". Use http.Client.Timeout or a request context deadline
// for the whole request, Transport.ResponseHeaderTimeout, and
// net.Dialer.Timeout for the connect phase.
//
// The analyzer finds dial hooks in http.Transport composite literals and
// in assignments to those fields of a Transport, and reports:
//
//   - a call of SetDeadline, SetReadDeadline or SetWriteDeadline (of any
//     type with such a method taking a time.Time) whose argument is
//     computed from time.Now, on the connection the hook returns or on a
//     variable that connection is built from (tls.Client(conn, cfg),
//     &wrapper{conn}), when some path from the call reaches a return of a
//     non-nil connection without a zero-time call clearing it;
//   - a call of a helper that sets such a deadline on its connection
//     parameter and neither clears it nor closes the connection (fact
//     setsDeadline), one or more calls deep, in any package; a helper
//     that also returns that connection (return arm(conn, d), nil) is
//     followed through its result too ("and returns it" in the fact);
//   - a hook that is the result of a factory call
//     (tr.DialContext = timeoutDialer(connect, rw)) whose returned dial
//     func — a func literal, a local variable holding one, a named
//     function, or another factory's result — sets such a deadline on the
//     connection it returns (fact returnsDialer, which records the
//     deadline call and its file:line), from this package or another;
//     reported at the hook, naming the factory and the line;
//   - a hook, or a function the hook gets its connection from, that
//     returns a connection with such a deadline (fact returnsDeadline),
//     from this package or another; a hook from another package is
//     reported at the Transport field;
//   - a net.Dialer literal with a Deadline field, or a local Dialer
//     variable assigned d.Deadline = …, whose Dial or DialContext method
//     value is a Transport dial hook.
//
// It does not report: deadlines cleared with SetDeadline(time.Time{}) (or
// the matching read/write zero-time calls, or a deferred clear) on every
// path before the connection is returned; paths that return a nil
// connection; deadlines set inside a wrapper's Read or Write methods (an
// idle timeout re-armed on each call); dial functions never used as a
// Transport hook; server-side or hijacked connections; Transports whose
// literal sets DisableKeepAlives: true or whose variable is assigned
// DisableKeepAlives = true; deadlines on another connection than the one
// returned; factories whose dial func clears the deadline before
// returning it or arms it only around a handshake; helpers that close the
// connection they set a deadline on. It stays silent when it cannot know:
// deadlines whose value does not come from time.Now (they may be zero),
// hooks that are variables (dial := makeDialer(…); tr.DialContext = dial),
// factories that return their dial func through a struct or an
// interface, hooks built with generics or reflection.
//
// Fix: deleting the deadline call, when it is a statement of its own,
// `_ = conn.SetDeadline(…)`, or an `if err := conn.SetDeadline(…); err != nil`
// statement whose only effect is handling that error. Other shapes, helper
// calls, and net.Dialer.Deadline get no fix: what to replace them with
// (a Dialer.Timeout, a client timeout) is a design decision.
//
// The analyzer has no flags.
package deadlineconn
