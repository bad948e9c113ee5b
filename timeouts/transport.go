package timeouts

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

// hasTimeout reports whether the http.Client literal lit sets Timeout.
func hasTimeout(lit *ast.CompositeLit) bool { return match.KeyedField(lit, "Timeout") != nil }

// boundedTransport is the summary of a Transport used by a Client with a
// Timeout: the Timeout bounds the dial and the TLS handshake, only idle
// connections still need IdleConnTimeout.
func boundedTransport() *summary {
	sum := new(summary)
	sum.timed = true
	sum.set("TLSHandshakeTimeout")
	sum.set("DialContext")
	return sum
}

// isClientTransport reports whether v is the field net/http.Client.Transport.
func isClientTransport(v *types.Var) bool {
	return v.Pkg() != nil && v.Pkg().Path() == match.NetHTTP && v.Name() == "Transport"
}

// dialerKeepAlive reports net.Dialer literals with a negative constant
// KeepAlive whose Dial or DialContext is the dial hook of the Transport
// literal lit.
func (c *checker) dialerKeepAlive(lit *ast.CompositeLit) {
	info := c.pass.TypesInfo
	for name, kv := range match.KeyedFields(lit) {
		if name != "DialContext" && name != "Dial" {
			continue
		}
		sel, ok := ast.Unparen(kv.Value).(*ast.SelectorExpr)
		if !ok || (sel.Sel.Name != "DialContext" && sel.Sel.Name != "Dial") {
			continue
		}
		x := ast.Unparen(sel.X)
		if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
			x = ast.Unparen(u.X)
		}
		dl, ok := x.(*ast.CompositeLit)
		if !ok || !match.IsNamed(info.TypeOf(dl), "net", "Dialer") {
			continue
		}
		for dname, dkv := range match.KeyedFields(dl) {
			if dname != "KeepAlive" {
				continue
			}
			tv, ok := info.Types[dkv.Value]
			if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int || constant.Sign(tv.Value) >= 0 {
				continue
			}
			suppress.Reportf(c.pass, dkv, "net.Dialer with a negative KeepAlive used by an http.Transport: "+
				"TCP keep-alive probes are off on pooled connections, so a dead peer goes unnoticed; "+
				"use 0 (probes every 15s) or a positive period")
		}
	}
}

// transportMissing returns the fields a Transport with the fields set
// lacks. By default it is reported only when a request through it can
// wait forever: no dial hook (DialContext, Dial, or a TLS dial hook that
// does its own dialing and handshake), no TLSHandshakeTimeout, and no
// Client Timeout in view (credited by boundedTransport). A literal with
// its own dialer was configured on purpose for its endpoints (a unix
// socket, a LAN device, plain HTTP): not reported for
// TLSHandshakeTimeout alone — unless it sets TLSClientConfig too: it is
// configured for TLS, and a dial hook bounds the connection, not the
// handshake after it. With -timeouts.idle-conn, a missing
// IdleConnTimeout is reported too.
func transportMissing(set map[string]bool) []string {
	tlsHook := set["DialTLSContext"] || set["DialTLS"]
	// A TLS dial hook with MaxConnsPerHost: the program owns a bounded
	// set of long-lived connections, idle on purpose.
	owned := tlsHook && set["MaxConnsPerHost"]
	dialer := set["DialContext"] || set["Dial"]
	forever := !set["TLSHandshakeTimeout"] && !tlsHook && (!dialer || set["TLSClientConfig"])
	var m []string
	if forever {
		m = append(m, "TLSHandshakeTimeout")
	}
	if cfg.idleConn.On() && !set["IdleConnTimeout"] && !set["DisableKeepAlives"] && !owned {
		m = append(m, "IdleConnTimeout")
	}
	if forever && !dialer {
		m = append(m, "DialContext")
	}
	return m
}

// transportMessage is the finding of a Transport literal without the
// fields m. Under a Client whose Timeout bounds its requests (or is
// reported for lacking one), only IdleConnTimeout is left to report: the
// message says what it does and that Timeout does not do it, rather than
// a bare "zero means none".
func transportMessage(m []string, underClient bool) string {
	if underClient && len(m) == 1 && m[0] == "IdleConnTimeout" {
		return "http.Transport literal without IdleConnTimeout: it loses http.DefaultTransport's 90s idle connection timeout, " +
			"so idle connections in its pool stay open until the server closes them (a Client Timeout bounds requests, not idle connections); " +
			"start from http.DefaultTransport.(*http.Transport).Clone() or set it"
	}
	var lost []string
	for _, f := range m {
		switch f {
		case "TLSHandshakeTimeout":
			lost = append(lost, "10s TLS handshake timeout")
		case "IdleConnTimeout":
			lost = append(lost, "90s idle connection timeout")
		case "DialContext":
			lost = append(lost, "30s dial timeout")
		}
	}
	return "http.Transport literal without " + strings.Join(m, ", ") + ": it loses http.DefaultTransport's " +
		strings.Join(lost, ", ") + " (zero means none); start from http.DefaultTransport.(*http.Transport).Clone() or set them"
}

// transportFix returns the fix for the Transport literal lit (at cur)
// lacking the fields m. Where the literal is assigned to a variable, it
// becomes http.DefaultTransport.(*http.Transport).Clone() followed by the
// literal's own fields set on the variable; elsewhere the fix adds the
// missing fields. Neither changes the protocols the Transport attempts: a
// literal without its own dialer or TLS config attempts HTTP/2, one with
// them does not (net/http's Transport.protocols), and Clone() sets
// ForceAttemptHTTP2, so the fixes set ForceAttemptHTTP2 to what the
// literal did.
func (c *checker) transportFix(cur cursor, lit *ast.CompositeLit, set map[string]bool, m []string) []analysis.SuggestedFix {
	own := make(map[string]ast.Expr)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			return nil
		}
		own[key.Name] = kv.Value
	}
	// Protocols or TLSNextProto decide HTTP/2 themselves, and
	// ForceAttemptHTTP2 set in the literal is kept as it is.
	_, decided := own["Protocols"]
	if _, ok := own["TLSNextProto"]; ok {
		decided = true
	}
	if _, ok := own["ForceAttemptHTTP2"]; ok {
		decided = true
	}
	custom := false // HTTP/2 not attempted: own dialer or TLS config
	for _, f := range []string{"TLSClientConfig", "Dial", "DialContext", "DialTLS", "DialTLSContext"} {
		if _, ok := own[f]; ok {
			custom = true
		}
	}
	if fix := c.cloneFix(cur, lit, own, !decided && custom); fix != nil {
		return []analysis.SuggestedFix{*fix}
	}
	var extra []string
	if !decided && !custom && contains(m, "DialContext") {
		// The added dialer would turn HTTP/2 off.
		extra = []string{"ForceAttemptHTTP2: true"}
	}
	return c.addFields(transport, lit, m, extra)
}

// isRoundTripperField reports whether v is a field of a standard library
// type whose type is net/http.RoundTripper (http.Client's Transport,
// httputil.ReverseProxy's Transport): a Transport stored there is used
// as is.
func (c *checker) isRoundTripperField(v *types.Var) bool {
	if !v.IsField() || v.Pkg() == nil || v.Pkg() == c.pass.Pkg || strings.Contains(strings.SplitN(v.Pkg().Path(), "/", 2)[0], ".") {
		return false
	}
	return match.IsNamed(v.Type(), match.NetHTTP, "RoundTripper")
}

// clientTimeout reports whether the http.Client that x denotes (x in
// x.Transport = tr) has a Timeout in view: x is a variable of the
// function, or an unexported field or variable of the package, whose
// every value is a Client literal setting Timeout, or x.Timeout is
// assigned (for a local variable, in the function; for a field or
// package variable, in the package). When it has not, untimed lists the
// Client literals x holds, if those are all its values: the Client
// finding on them covers the Transport's dial and handshake.
func (c *checker) clientTimeout(cur cursor, x ast.Expr) (timed bool, untimed []*ast.CompositeLit) {
	info := c.pass.TypesInfo
	var vals []ast.Expr
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || kindOf(v.Type()) != client {
			return false, nil
		}
		if v.Parent() == c.pass.Pkg.Scope() {
			return c.storedClientTimeout(v)
		}
		body := outerBody(cur)
		if body == nil {
			return false, nil
		}
		found := false
		ast.Inspect(body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok {
				for _, lhs := range as.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == "Timeout" {
						if xid, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[xid] == v {
							found = true
						}
					}
				}
			}
			return !found
		})
		if found {
			return true, nil
		}
		vals = assignedValues(info, body, v)
	case *ast.SelectorExpr:
		// a.client.Transport = tr: the values the package stores in the
		// field.
		v, ok := info.Uses[x.Sel].(*types.Var)
		if !ok || !v.IsField() || kindOf(v.Type()) != client {
			return false, nil
		}
		return c.storedClientTimeout(v)
	default:
		return false, nil
	}
	return literalsTimeout(vals)
}

// storedClientTimeout is clientTimeout for an unexported field or package
// variable v: every value the package stores in it is a Client literal
// setting Timeout, or its Timeout is assigned somewhere in the package.
func (c *checker) storedClientTimeout(v *types.Var) (timed bool, untimed []*ast.CompositeLit) {
	vals, ok := c.valuesOf(v)
	if !ok {
		return false, nil
	}
	if sum := c.varSummary(v, client); sum != nil && sum.sets["Timeout"] {
		return true, nil
	}
	return literalsTimeout(vals)
}

// literalsTimeout reports whether every value of vals (at least one) is a
// Client literal (or its address) setting Timeout; when none sets it and
// all are literals, it returns them.
func literalsTimeout(vals []ast.Expr) (timed bool, untimed []*ast.CompositeLit) {
	var lits []*ast.CompositeLit
	all := len(vals) > 0
	for _, val := range vals {
		if val == nil {
			return false, nil
		}
		val = ast.Unparen(val)
		if u, ok := val.(*ast.UnaryExpr); ok && u.Op == token.AND {
			val = ast.Unparen(u.X)
		}
		lit, ok := val.(*ast.CompositeLit)
		if !ok {
			return false, nil
		}
		if !hasTimeout(lit) {
			all = false
			lits = append(lits, lit)
		}
	}
	if all {
		return true, nil
	}
	if len(lits) == len(vals) {
		return false, lits
	}
	return false, nil
}

// literalTimeout reports whether the http.Client literal lit at cur has a
// Timeout: set in the literal, or assigned to the value later
// (c := http.Client{Transport: tr}; c.Timeout = d).
func (c *checker) literalTimeout(cur cursor, lit *ast.CompositeLit) bool {
	if hasTimeout(lit) {
		return true
	}
	sum := c.follow(cur, client)
	return sum != nil && sum.sets["Timeout"]
}

// unboundedTransport reports whether the Transport of the http.Client
// literal lit is a Transport literal through which a request can wait
// forever on the dial or the TLS handshake: the literal itself, or a local
// variable of the function whose every value is such a literal.
func (c *checker) unboundedTransport(cur cursor, lit *ast.CompositeLit) bool {
	info := c.pass.TypesInfo
	if value := match.Field(lit, "Transport"); value != nil {
		vals := []ast.Expr{value}
		if id, ok := ast.Unparen(value).(*ast.Ident); ok {
			v, ok := info.Uses[id].(*types.Var)
			body := outerBody(cur)
			if !ok || body == nil || v.Parent() == c.pass.Pkg.Scope() {
				return false
			}
			vals = assignedValues(info, body, v)
		}
		for _, val := range vals {
			if val == nil {
				return false
			}
			tl := match.LitOf(val)
			if tl == nil || kindOf(info.TypeOf(tl)) != transport {
				return false
			}
			set := make(map[string]bool)
			for _, e := range tl.Elts {
				tkv, ok := e.(*ast.KeyValueExpr)
				if !ok {
					return false
				}
				if key, ok := tkv.Key.(*ast.Ident); ok {
					set[fieldKey(info, key.Name, tkv.Value)] = true
				}
			}
			if !slices.Contains(transportMissing(set), "TLSHandshakeTimeout") {
				return false // it has a dialer or a handshake timeout
			}
		}
		return len(vals) > 0
	}
	return false
}
