package timeouts

// Who can reach a server: its listen address and its listener, followed
// through the package's variables, fields and parameters.

import (
	"go/ast"
	"go/token"
	"go/types"
	"net"
	"strings"

	"github.com/httpvet/httpvet/internal/match"
)

// reach is what the analyzer knows of who can connect to a listener.
type reach int

const (
	// unknownReach: the listener is made where the analyzer cannot look
	// (a parameter of an exported function, another package: safesocket,
	// memnet, socket activation, a one-connection listener around a conn).
	unknownReach reach = iota
	localReach         // a loopback address or a unix socket
	publicReach        // a TCP listener on an address not known to be loopback
)

// addrString returns the listen address e: its constant value, or
// "127.0.0.1:0" when only its host is known and is a loopback constant
// (fmt.Sprintf("localhost:%d", port), net.JoinHostPort("127.0.0.1", port),
// "127.0.0.1:" + port), or "?".
func addrString(info *types.Info, e ast.Expr) string {
	if s := constString(info, e); s != "?" {
		return s
	}
	host := "?"
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if h := constString(info, e.X); e.Op == token.ADD && strings.HasSuffix(h, ":") {
			host = strings.TrimSuffix(h, ":")
		}
	case *ast.CallExpr:
		if len(e.Args) < 2 {
			return "?"
		}
		fn := match.Callee(info, e)
		switch {
		case match.IsFunc(fn, "fmt", "Sprintf"):
			format := constString(info, e.Args[0])
			if i := strings.LastIndex(format, ":"); i > 0 && !strings.Contains(format[:i], "%") {
				host = format[:i]
			}
		case match.IsFunc(fn, "net", "JoinHostPort") && len(e.Args) == 2:
			host = constString(info, e.Args[0])
			if strings.Contains(host, ":") {
				host = "[" + host + "]"
			}
		}
	}
	if host != "?" && isLoopback(host+":0") {
		return "127.0.0.1:0"
	}
	return "?"
}

// constString returns the constant string value of e, or "?".
func constString(info *types.Info, e ast.Expr) string {
	if s, ok := match.ConstString(info, e); ok && s != "" && s != "?" {
		return s
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

// addrKey returns the address e as summary.addr records it: a loopback
// address when e provably is one, else its constant value or "?".
func (c *checker) addrKey(e ast.Expr) string {
	if c.loopbackAddr(e) {
		return "127.0.0.1:0"
	}
	return addrString(c.pass.TypesInfo, e)
}

// loopbackAddr reports whether the listen address e is provably a
// loopback address: a constant, or a variable, unexported field or
// parameter of an unexported function whose every value in the package
// is one (addr := "127.0.0.1:9911"; newAuthServer(opt, bindAddress) into
// a field), or a flag whose default is one (flag.String("addr",
// "localhost:8080", …), fs.StringVar(&args.listen, "listen",
// "127.0.0.1:8384", …)): a user who points it elsewhere chose to.
func (c *checker) loopbackAddr(e ast.Expr) bool {
	return c.loopbackSeen(e, make(map[*types.Var]bool))
}

func (c *checker) loopbackSeen(e ast.Expr, seen map[*types.Var]bool) bool {
	info := c.pass.TypesInfo
	if isLoopback(addrString(info, e)) {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		// *addr, addr := flag.String("addr", "localhost:8080", …)
		v := varOf(info, e.X)
		vals, ok := c.valuesOf(v)
		if !ok || len(vals) == 0 {
			return false
		}
		for _, val := range vals {
			call, ok := ast.Unparen(val).(*ast.CallExpr)
			if !ok || !isFlagString(info, call, "String") || !c.loopbackSeen(call.Args[1], seen) {
				return false
			}
		}
		return true
	case *ast.Ident, *ast.SelectorExpr:
		vals, again, ok := c.varValues(e, seen)
		if again {
			return true // addr = addr + …: its other values decide
		}
		if !ok {
			return false
		}
		for _, val := range vals {
			if val == nil || !c.loopbackSeen(val, seen) {
				return false
			}
		}
		return true
	}
	return false
}

// varValues returns the values of the variable e denotes (valuesOf), for
// a walk through variables' values that follows each once: again is true
// when seen holds it already, and ok false when e is no variable or its
// values are unknown or none.
func (c *checker) varValues(e ast.Expr, seen map[*types.Var]bool) (vals []ast.Expr, again, ok bool) {
	v := varOf(c.pass.TypesInfo, e)
	if v == nil {
		return nil, false, false
	}
	if seen[v] {
		return nil, true, false
	}
	seen[v] = true
	vals, ok = c.valuesOf(v)
	return vals, false, ok && len(vals) > 0
}

// isFlagString reports whether call is flag.name or (*flag.FlagSet).name
// with a name, a default value and a usage (String: 3 arguments;
// StringVar: 4).
func isFlagString(info *types.Info, call *ast.CallExpr, name string) bool {
	fn := match.Callee(info, call)
	n := 3
	if name == "StringVar" {
		n = 4
	}
	return len(call.Args) == n && (match.IsFunc(fn, "flag", name) || match.IsMethod(fn, "flag", "FlagSet", name))
}

// listenerReach returns who can connect to the listener ln: a listener
// made by net.Listen (net.ListenConfig.Listen, tls.Listen, or any
// function or method named Listen… called with a network and an address,
// as tsnet's Server.Listen, ListenTLS and ListenFunnel are) on a unix
// socket or a loopback address is local, on any other TCP address
// public; tls.NewListener and netutil.LimitListener keep the reach of the
// listener they wrap. A variable, unexported field or parameter of an
// unexported function is public when any of its values in the package is,
// local when all are. Anything else is unknown.
func (c *checker) listenerReach(ln ast.Expr) reach {
	return c.listenerSeen(ln, make(map[*types.Var]bool))
}

func (c *checker) listenerSeen(ln ast.Expr, seen map[*types.Var]bool) reach {
	info := c.pass.TypesInfo
	switch ln := ast.Unparen(ln).(type) {
	case *ast.CallExpr:
		fn := match.Callee(info, ln)
		args := ln.Args
		switch {
		case fn == nil:
			return unknownReach
		case (match.IsFunc(fn, "crypto/tls", "NewListener") || match.IsFunc(fn, "golang.org/x/net/netutil", "LimitListener")) && len(args) == 2:
			return c.listenerSeen(args[0], seen)
		case match.IsMethod(fn, "net", "ListenConfig", "Listen") && len(args) == 3:
			args = args[1:]
		case !strings.HasPrefix(fn.Name(), "Listen") || len(args) < 2:
			return unknownReach
		}
		switch c.network(args[0], 0) {
		case "unix":
			return localReach
		case "tcp":
			if c.loopbackSeen(args[1], make(map[*types.Var]bool)) {
				return localReach
			}
			return publicReach
		}
	case *ast.Ident, *ast.SelectorExpr:
		vals, again, ok := c.varValues(ln, seen)
		if again {
			return localReach // ln = tls.NewListener(ln, cfg): its other values decide
		}
		if !ok {
			return unknownReach
		}
		r := localReach
		for _, val := range vals {
			switch {
			case val == nil:
				r = unknownReach
			default:
				switch c.listenerSeen(val, seen) {
				case publicReach:
					return publicReach
				case unknownReach:
					r = unknownReach
				}
			}
		}
		return r
	}
	return unknownReach
}

// local reports whether no slow client is seen reaching the server served
// as sum says (created by lit, when a literal): no Serve is on a visibly
// public listener, and every ListenAndServe is on a loopback Addr.
func (c *checker) local(lit *ast.CompositeLit, sum *summary) bool {
	if !sum.used || sum.public {
		return false
	}
	if !sum.listens {
		return true
	}
	addr := sum.addr
	if lit != nil {
		for name, kv := range match.KeyedFields(lit) {
			if name == "Addr" {
				a := c.addrKey(kv.Value)
				if addr != "" && addr != a && !(isLoopback(addr) && isLoopback(a)) {
					a = "?"
				}
				addr = a
			}
		}
	}
	return isLoopback(addr)
}

// unixClient reports whether the http.Client literal lit sends every
// request over a unix socket: its Transport is a Transport literal whose
// dial hook (DialContext or Dial) is a function literal that dials only
// "unix" (net.Dial, net.DialTimeout, net.Dialer's Dial and DialContext
// with that constant network). Its peer is a local process: no network
// partition, lost packet or half-open connection can stall it, and a
// peer that dies closes the socket.
func (c *checker) unixClient(lit *ast.CompositeLit) bool {
	info := c.pass.TypesInfo
	tr := match.Field(lit, "Transport")
	if tr == nil {
		return false
	}
	tlit := match.LitOf(tr)
	if tlit == nil || kindOf(info.TypeOf(tlit)) != transport {
		return false
	}
	dial := match.Field(tlit, "DialContext")
	if dial == nil {
		dial = match.Field(tlit, "Dial")
	}
	fl, ok := ast.Unparen(dial).(*ast.FuncLit)
	return ok && dialsOnlyUnix(info, fl)
}

// dialsOnlyUnix reports whether the function literal fl dials, and dials
// only the constant network "unix".
func dialsOnlyUnix(info *types.Info, fl *ast.FuncLit) bool {
	dials, unix := 0, 0
	ast.Inspect(fl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn := match.Callee(info, call)
		args := call.Args
		switch {
		case match.IsFunc(fn, "net", "Dial", "DialTimeout"), match.IsMethod(fn, "net", "Dialer", "Dial"):
		case match.IsMethod(fn, "net", "Dialer", "DialContext") && len(args) > 0:
			args = args[1:]
		default:
			return true
		}
		dials++
		if len(args) > 0 && constString(info, args[0]) == "unix" {
			unix++
		}
		return true
	})
	return dials > 0 && dials == unix
}

// network returns the kind of network e names, "unix", "tcp" or "?": a
// constant, or a local variable whose every value is one of the same
// kind (network := "tcp4"; if ipv6 { network = "tcp" }).
func (c *checker) network(e ast.Expr, depth int) string {
	switch constString(c.pass.TypesInfo, e) {
	case "unix", "unixpacket":
		return "unix"
	case "tcp", "tcp4", "tcp6":
		return "tcp"
	}
	v := varOf(c.pass.TypesInfo, e)
	if v == nil || depth > 4 {
		return "?"
	}
	vals, ok := c.valuesOf(v)
	if !ok || len(vals) == 0 {
		return "?"
	}
	kind := ""
	for _, val := range vals {
		if val == nil {
			return "?"
		}
		k := c.network(val, depth+1)
		if k == "?" || kind != "" && k != kind {
			return "?"
		}
		kind = k
	}
	return kind
}
