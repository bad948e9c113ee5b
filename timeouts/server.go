package timeouts

import (
	"go/ast"
	"go/constant"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/httpvet/httpvet/internal/match"
)

// zeroVar checks var declarations of a Server or Client without a value.
func (c *checker) zeroVar(spec *ast.ValueSpec) {
	if len(spec.Values) > 0 || spec.Type == nil {
		return
	}
	t := c.pass.TypesInfo.TypeOf(spec.Type)
	if t == nil {
		return
	}
	if _, ptr := types.Unalias(t).(*types.Pointer); ptr {
		return // nil, not a value
	}
	k := kindOf(t)
	if k == none || k == transport || !k.enabled() {
		return
	}
	for _, name := range spec.Names {
		v, ok := c.pass.TypesInfo.Defs[name].(*types.Var)
		if !ok || name.Name == "_" {
			continue
		}
		if sum := c.varSummary(v, k); sum != nil {
			c.report(k, inspector.Cursor{}, nil, name.Pos(), name.End(), nil, sum)
		}
	}
}

// serverMissing returns the timeouts a Server with the fields set lacks.
// ReadHeaderTimeout and IdleTimeout fall back to ReadTimeout only when it
// is non-zero: an explicit ReadTimeout: 0 (recorded as "ReadTimeout=0")
// is no fallback, it opts out of ReadTimeout alone. An explicit zero
// ReadHeaderTimeout or IdleTimeout opts out of that field.
func serverMissing(set map[string]bool) []string {
	if set["ReadTimeout"] {
		return nil
	}
	var m []string
	if !set["ReadHeaderTimeout"] {
		m = append(m, "ReadHeaderTimeout")
	}
	if !set["IdleTimeout"] {
		m = append(m, "IdleTimeout")
	}
	return m
}

func serverMessage(m []string) string {
	switch {
	case len(m) == 2:
		return "http.Server without ReadHeaderTimeout, IdleTimeout or ReadTimeout: a client can hold a connection forever " +
			"by sending its headers slowly (Slowloris), and idle keep-alive connections are never closed"
	case m[0] == "ReadHeaderTimeout":
		return "http.Server without ReadHeaderTimeout or ReadTimeout: a client can hold a connection forever " +
			"by sending its headers slowly (Slowloris)"
	default:
		return "http.Server without IdleTimeout or ReadTimeout: idle keep-alive connections are never closed " +
			"(IdleTimeout falls back to ReadTimeout, not ReadHeaderTimeout)"
	}
}

// fieldKey returns the key under which the field name, given the value
// val (nil when unknown), counts as set: "ReadTimeout=0" for a constant
// zero ReadTimeout, which is no fallback for the other timeouts.
func fieldKey(info *types.Info, name string, val ast.Expr) string {
	if name == "ReadTimeout" && val != nil {
		if tv, ok := info.Types[val]; ok && tv.Value != nil && constant.Sign(tv.Value) == 0 {
			return "ReadTimeout=0"
		}
	}
	return name
}

// addrString returns the listen address e: its constant value, or
// "127.0.0.1:0" when only its host is known and is a loopback constant
// (fmt.Sprintf("localhost:%d", port), net.JoinHostPort("127.0.0.1", port)),
// or "?".
func addrString(info *types.Info, e ast.Expr) string {
	if s := constString(info, e); s != "?" {
		return s
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 {
		return "?"
	}
	fn := match.Callee(info, call)
	host := "?"
	switch {
	case match.IsFunc(fn, "fmt", "Sprintf"):
		format := constString(info, call.Args[0])
		if i := strings.LastIndex(format, ":"); i > 0 && !strings.Contains(format[:i], "%") {
			host = format[:i]
		}
	case match.IsFunc(fn, "net", "JoinHostPort") && len(call.Args) == 2:
		host = constString(info, call.Args[0])
		if strings.Contains(host, ":") {
			host = "[" + host + "]"
		}
	}
	if host != "?" && isLoopback(host+":0") {
		return "127.0.0.1:0"
	}
	return "?"
}

// constString returns the constant string value of e, or "?".
func constString(info *types.Info, e ast.Expr) string {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		if s := constant.StringVal(tv.Value); s != "" && s != "?" {
			return s
		}
	}
	return "?"
}

// isLoopback reports whether the listen address addr is a loopback host
// with a port: 127.0.0.1:6060, localhost:8080, [::1]:80. The empty host
// (":8080") and 0.0.0.0 listen on every interface.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// localListener reports whether the listener ln, passed at cur to Serve or
// ServeTLS, provably accepts only local connections: made in the
// function by net.Listen (or net.ListenConfig's Listen) on a unix socket
// or a loopback address constant, directly or through a variable only
// assigned such listeners (maybe wrapped by tls.NewListener).
func (c *checker) localListener(cur inspector.Cursor, ln ast.Expr) bool {
	return c.localListenerSeen(cur, ln, make(map[*types.Var]bool))
}

func (c *checker) localListenerSeen(cur inspector.Cursor, ln ast.Expr, seen map[*types.Var]bool) bool {
	info := c.pass.TypesInfo
	switch ln := ast.Unparen(ln).(type) {
	case *ast.CallExpr:
		fn := match.Callee(info, ln)
		args := ln.Args
		switch {
		case match.IsFunc(fn, "net", "Listen") && len(args) == 2:
		case match.IsMethod(fn, "net", "ListenConfig", "Listen") && len(args) == 3:
			args = args[1:]
		case match.IsFunc(fn, "crypto/tls", "NewListener") && len(args) == 2:
			return c.localListenerSeen(cur, args[0], seen)
		default:
			return false
		}
		switch network := constString(info, args[0]); network {
		case "unix", "unixpacket":
			return true
		case "tcp", "tcp4", "tcp6":
			return isLoopback(addrString(info, args[1]))
		}
	case *ast.Ident:
		v, ok := info.Uses[ln].(*types.Var)
		if !ok {
			return false
		}
		if seen[v] {
			return true // ln = tls.NewListener(ln, cfg): its other values decide
		}
		seen[v] = true
		body := outerBody(cur)
		if body == nil {
			return false
		}
		vals := assignedValues(info, body, v)
		for _, val := range vals {
			if val == nil || !c.localListenerSeen(cur, val, seen) {
				return false
			}
		}
		return len(vals) > 0
	}
	return false
}

// local reports whether the server served as sum says (created by lit,
// when a literal) accepts only local connections: every Serve is on a
// local listener and every ListenAndServe on a loopback Addr.
func (c *checker) local(lit *ast.CompositeLit, sum *summary) bool {
	if !sum.used || sum.nonLocal {
		return false
	}
	if !sum.listens {
		return true
	}
	addr := sum.addr
	if lit != nil {
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Addr" {
					a := addrString(c.pass.TypesInfo, kv.Value)
					if addr != "" && addr != a {
						a = "?"
					}
					addr = a
				}
			}
		}
	}
	return isLoopback(addr)
}
