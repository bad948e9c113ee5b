package timeouts

import (
	_ "embed"
	"flag"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

//go:embed doc.go
var doc string

// Analyzer reports HTTP clients, servers and transports that can wait
// forever.
var Analyzer = &analysis.Analyzer{
	Name:     "timeouts",
	Doc:      docs.Extract(doc, "timeouts"),
	URL:      "https://github.com/httpvet/httpvet/blob/main/docs/timeouts.md",
	Requires: []*analysis.Analyzer{inspect.Analyzer, suppress.Analyzer},
	Run:      run,
	Flags:    flags(),
	// Runs on code with type errors too (gopls does so): it must not crash.
	RunDespiteErrors: true,
}

// config is the analyzer's configuration, bound to Analyzer.Flags.
type config struct {
	server, client, defaultClient, transport, listen, tests bool

	clientTimeout, readHeaderTimeout, idleTimeout time.Duration
}

var cfg = config{
	server: true, client: true, defaultClient: true, transport: true, listen: true,
	clientTimeout:     30 * time.Second,
	readHeaderTimeout: 10 * time.Second,
	idleTimeout:       120 * time.Second,
}

func flags() flag.FlagSet {
	fs := flag.NewFlagSet("timeouts", flag.ContinueOnError)
	fs.BoolVar(&cfg.server, "server", cfg.server, "report http.Server values without ReadHeaderTimeout/IdleTimeout (or ReadTimeout)")
	fs.BoolVar(&cfg.client, "client", cfg.client, "report http.Client values without Timeout that send requests")
	fs.BoolVar(&cfg.defaultClient, "default-client", cfg.defaultClient, "report requests sent with http.DefaultClient, http.Get, Head, Post, PostForm, and nil-client fallbacks to http.DefaultClient")
	fs.BoolVar(&cfg.transport, "transport", cfg.transport, "report http.Transport literals without TLSHandshakeTimeout, IdleConnTimeout or a dialer, and net.Dialer literals with a negative KeepAlive used by a Transport")
	fs.BoolVar(&cfg.listen, "listen", cfg.listen, "report http.ListenAndServe, ListenAndServeTLS, Serve and ServeTLS")
	fs.BoolVar(&cfg.tests, "tests", cfg.tests, "also report in _test.go files and files that import net/http/httptest")
	fs.DurationVar(&cfg.clientTimeout, "client-timeout", cfg.clientTimeout, "Timeout that the fix adds to http.Client literals")
	fs.DurationVar(&cfg.readHeaderTimeout, "read-header-timeout", cfg.readHeaderTimeout, "ReadHeaderTimeout that the fixes add to servers")
	fs.DurationVar(&cfg.idleTimeout, "idle-timeout", cfg.idleTimeout, "IdleTimeout that the fixes add to servers")
	return *fs
}

// kind is the kind of value the analyzer follows.
type kind int

const (
	none kind = iota
	server
	client
	transport
)

func (k kind) enabled() bool {
	switch k {
	case server:
		return cfg.server
	case client:
		return cfg.client
	case transport:
		return cfg.transport
	}
	return false
}

// kindOf returns the kind of t, net/http.{Server,Client,Transport} or a
// pointer to one of them.
func kindOf(t types.Type) kind {
	if t == nil {
		return none
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	switch pkg, name := match.Named(t); {
	case pkg != match.NetHTTP:
		return none
	case name == "Server":
		return server
	case name == "Client":
		return client
	case name == "Transport":
		return transport
	}
	return none
}

// elemKind returns the kind of the elements of a slice, array or map type.
func elemKind(t types.Type) kind {
	if t == nil {
		return none
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return kindOf(u.Elem())
	case *types.Array:
		return kindOf(u.Elem())
	case *types.Map:
		return kindOf(u.Elem())
	}
	return none
}

// timeoutField reports whether name is a field of a value of kind k that
// the analyzer tracks.
func timeoutField(k kind, name string) bool {
	switch k {
	case server:
		return name == "ReadHeaderTimeout" || name == "ReadTimeout" || name == "IdleTimeout"
	case client:
		return name == "Timeout"
	case transport:
		switch name {
		case "TLSHandshakeTimeout", "IdleConnTimeout", "DialContext", "Dial", "DialTLSContext", "DialTLS", "DisableKeepAlives":
			return true
		}
	}
	return false
}

// trigger reports whether calling the method name on a value of kind k
// makes the value's timeouts matter: serving or sending.
func trigger(k kind, name string) bool {
	switch k {
	case server:
		switch name {
		case "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS":
			return true
		}
	case client:
		switch name {
		case "Do", "Get", "Head", "Post", "PostForm":
			return true
		}
	}
	return false
}

// summary is what the package does with a variable (local, package-level
// or struct field) holding a tracked value.
type summary struct {
	sets    map[string]bool // timeout fields assigned somewhere
	used    bool            // serves or sends (a request with no context from elsewhere)
	sends   bool            // sends, with any request
	escapes bool            // goes where the analyzer cannot follow
}

func (s *summary) set(name string) {
	if s.sets == nil {
		s.sets = make(map[string]bool)
	}
	s.sets[name] = true
}

func (s *summary) merge(o *summary) {
	for k := range o.sets {
		s.set(k)
	}
	s.used = s.used || o.used
	s.escapes = s.escapes || o.escapes
}

type checker struct {
	pass *analysis.Pass
	insp *inspector.Inspector
	// uses maps each variable of a tracked kind (or a container of them)
	// to the identifiers that use it, built on first need.
	uses      map[*types.Var][]inspector.Cursor
	results   map[*types.Var]bool // named results, returned by a bare return
	summaries map[*types.Var]*summary
	// testSupport holds the files that import net/http/httptest.
	testSupport map[*token.File]bool
}

func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	if !match.Imports(pass.Pkg, match.NetHTTP) {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, insp: insp, summaries: make(map[*types.Var]*summary)}
	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil)) {
		if !cfg.tests && c.inTestFile(cur.Node().Pos()) {
			continue
		}
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			c.compositeLit(cur, n)
		case *ast.CallExpr:
			c.call(cur, n)
		case *ast.ValueSpec:
			c.zeroVar(n)
		case *ast.AssignStmt:
			c.fallback(cur, n)
		}
	}
	return nil, nil
}

// inTestFile reports whether pos lies in a _test.go file, in a file that
// imports net/http/httptest, or in a package whose name ends in "test"
// (test support code: net/http/httptest itself, fstest, a servertest).
func (c *checker) inTestFile(pos token.Pos) bool {
	f := c.pass.Fset.File(pos)
	if f == nil {
		return false
	}
	if match.InTestFile(c.pass.Fset, pos) {
		return true
	}
	// Test support packages are named so (httptest, fstest, iotest).
	if c.pass.Pkg != nil && strings.HasSuffix(c.pass.Pkg.Name(), "test") {
		return true
	}
	if c.testSupport == nil {
		c.testSupport = make(map[*token.File]bool)
		for _, file := range c.pass.Files {
			for _, spec := range file.Imports {
				if spec.Path != nil && spec.Path.Value == `"net/http/httptest"` {
					c.testSupport[c.pass.Fset.File(file.Pos())] = true
				}
			}
		}
	}
	return c.testSupport[f]
}

// compositeLit checks a Server, Client or Transport literal.
func (c *checker) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	k := kindOf(c.pass.TypesInfo.TypeOf(lit))
	if k == none || !k.enabled() {
		return
	}
	set := make(map[string]bool)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return // positional: every field is set
		}
		if key, ok := kv.Key.(*ast.Ident); ok {
			// An explicit value, even a zero, is a visible choice.
			set[key.Name] = true
		}
	}
	if k == transport {
		c.dialerKeepAlive(lit)
	}
	if len(missing(k, set)) == 0 {
		return
	}
	sum := c.follow(cur, k)
	if sum == nil {
		return
	}
	c.report(k, lit, lit.Pos(), litEnd(lit), set, sum)
}

func litEnd(lit *ast.CompositeLit) token.Pos {
	if lit.Type != nil {
		return lit.Type.End()
	}
	return lit.Lbrace + 1
}

// call checks new(T), the package-level serve functions, and sends through
// http.DefaultClient.
func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) == 1 {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
			k := kindOf(info.TypeOf(call.Args[0]))
			if k != none && k.enabled() {
				if sum := c.follow(cur, k); sum != nil {
					c.report(k, nil, call.Pos(), call.End(), nil, sum)
				}
			}
			return
		}
	}
	fn := match.Callee(info, call)
	if fn == nil {
		return
	}
	switch {
	case cfg.listen && match.IsFunc(fn, match.NetHTTP, "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"):
		c.reportListen(call, fn.Name())
	case cfg.defaultClient && match.IsFunc(fn, match.NetHTTP, "Get", "Head", "Post", "PostForm"):
		suppress.Reportf(c.pass, call.Fun, "http.%s uses http.DefaultClient, which has no Timeout: "+
			"the request can wait forever on a slow or stuck server; use an http.Client with Timeout set "+
			"or a request context with a deadline", fn.Name())
	case cfg.defaultClient && match.IsMethod(fn, match.NetHTTP, "Client", "Do", "Get", "Head", "Post", "PostForm"):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if fn.Name() == "Do" && (len(call.Args) != 1 || !c.bareRequest(cur, call.Args[0])) {
			return // the request may carry a deadline
		}
		if ok && match.IsPackageLevelVar(info, sel.X, match.NetHTTP, "DefaultClient") {
			suppress.Reportf(c.pass, sel.X, "http.DefaultClient has no Timeout: "+
				"the request can wait forever on a slow or stuck server; use an http.Client with Timeout set "+
				"or a request context with a deadline")
		}
	}
}

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
			c.report(k, nil, name.Pos(), name.End(), nil, sum)
		}
	}
}

// fallback reports `x = http.DefaultClient` inside `if x == nil`: a
// library that falls back to the default client when its caller passes
// none.
func (c *checker) fallback(cur inspector.Cursor, as *ast.AssignStmt) {
	if !cfg.defaultClient || len(as.Lhs) != 1 || len(as.Rhs) != 1 ||
		!match.IsPackageLevelVar(c.pass.TypesInfo, as.Rhs[0], match.NetHTTP, "DefaultClient") {
		return
	}
	block, ok := cur.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return
	}
	ifs, ok := cur.Parent().Parent().Node().(*ast.IfStmt)
	if !ok || ifs.Body != block {
		return
	}
	cond, ok := ast.Unparen(ifs.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.EQL {
		return
	}
	x := cond.X
	if match.IsNil(c.pass.TypesInfo, x) {
		x = cond.Y
	} else if !match.IsNil(c.pass.TypesInfo, cond.Y) {
		return
	}
	if !sameVar(c.pass.TypesInfo, x, as.Lhs[0]) {
		return
	}
	// Reported when the client then sends a request that carries no
	// context from elsewhere. Sends with the caller's context are not (a
	// watch that streams with that context must not time out), nor
	// defaults stored for later: their requests may carry a deadline
	// (logtail's uploads do).
	var v *types.Var
	switch lhs := ast.Unparen(as.Lhs[0]).(type) {
	case *ast.Ident:
		v, _ = c.pass.TypesInfo.ObjectOf(lhs).(*types.Var)
	case *ast.SelectorExpr:
		v, _ = c.pass.TypesInfo.ObjectOf(lhs.Sel).(*types.Var)
	}
	if v == nil {
		return
	}
	sum := new(summary)
	for _, use := range c.usesOf(v) {
		ecur := use
		if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == use.Node() {
			ecur = use.Parent()
		}
		c.classify(ecur, client, sum)
	}
	if !sum.used {
		return
	}
	suppress.Reportf(c.pass, as.Rhs[0], "falling back to http.DefaultClient, which has no Timeout, when no client is given: "+
		"requests can wait forever on a slow or stuck server; fall back to an http.Client with Timeout set")
}

// sameVar reports whether a and b denote the same variable or field
// selection of the same variable.
func sameVar(info *types.Info, a, b ast.Expr) bool {
	a, b = ast.Unparen(a), ast.Unparen(b)
	switch a := a.(type) {
	case *ast.Ident:
		bi, ok := b.(*ast.Ident)
		return ok && info.ObjectOf(a) != nil && info.ObjectOf(a) == info.ObjectOf(bi)
	case *ast.SelectorExpr:
		bs, ok := b.(*ast.SelectorExpr)
		return ok && info.ObjectOf(a.Sel) != nil && info.ObjectOf(a.Sel) == info.ObjectOf(bs.Sel) && sameVar(info, a.X, bs.X)
	}
	return false
}

// missing returns the fields a value of kind k should set but whose
// literal or later assignments do not.
func missing(k kind, set map[string]bool) []string {
	var m []string
	switch k {
	case server:
		if !set["ReadTimeout"] {
			if !set["ReadHeaderTimeout"] {
				m = append(m, "ReadHeaderTimeout")
			}
			if !set["IdleTimeout"] {
				m = append(m, "IdleTimeout")
			}
		}
	case client:
		if !set["Timeout"] {
			m = append(m, "Timeout")
		}
	case transport:
		// A TLS dial hook does its own handshake: TLSHandshakeTimeout
		// does not apply, and the hook is a specialized dialer.
		tlsHook := set["DialTLSContext"] || set["DialTLS"]
		// A literal that sets its dialer and handles idle connections
		// was configured on purpose, maybe for plain HTTP (a LAN device,
		// a metadata server) where no TLS handshake happens: the missing
		// TLSHandshakeTimeout alone is not reported.
		deliberate := (set["DialContext"] || set["Dial"]) && (set["IdleConnTimeout"] || set["DisableKeepAlives"])
		if !set["TLSHandshakeTimeout"] && !tlsHook && !deliberate {
			m = append(m, "TLSHandshakeTimeout")
		}
		// A TLS dial hook with MaxConnsPerHost: the program owns a bounded
		// set of long-lived connections, idle on purpose.
		owned := tlsHook && set["MaxConnsPerHost"]
		if !set["IdleConnTimeout"] && !set["DisableKeepAlives"] && !owned {
			m = append(m, "IdleConnTimeout")
		}
		if !set["DialContext"] && !set["Dial"] && !tlsHook {
			m = append(m, "DialContext")
		}
	}
	return m
}

// report reports the value created at [pos, end) (by lit, when it is a
// literal) if its fields lack timeouts, and the value is used.
func (c *checker) report(k kind, lit *ast.CompositeLit, pos, end token.Pos, set map[string]bool, sum *summary) {
	if sum.escapes || (k != transport && !sum.used) {
		return
	}
	all := make(map[string]bool)
	for f := range set {
		all[f] = true
	}
	for f := range sum.sets {
		all[f] = true
	}
	m := missing(k, all)
	if len(m) == 0 {
		return
	}
	d := analysis.Diagnostic{Pos: pos, End: end, Message: message(k, m)}
	if lit != nil {
		d.SuggestedFixes = c.literalFix(k, lit, m)
	}
	suppress.Report(c.pass, d)
}

func message(k kind, m []string) string {
	switch k {
	case server:
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
	case client:
		return "http.Client without Timeout: its requests can wait forever on a slow or stuck server"
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

// follow finds where the value created at cur goes, and returns what the
// package does with it, or nil when the analyzer cannot know.
func (c *checker) follow(cur inspector.Cursor, k kind) *summary {
	// Go up through parentheses and &.
	for {
		p := cur.Parent()
		switch n := p.Node().(type) {
		case *ast.ParenExpr:
			cur = p
			continue
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				cur = p
				continue
			}
		}
		break
	}
	e := cur.Node().(ast.Expr)
	info := c.pass.TypesInfo
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == e && len(p.Lhs) == len(p.Rhs) {
				return c.dest(p.Lhs[i], k)
			}
		}
		return nil
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == e && len(p.Names) == len(p.Values) {
				return c.dest(p.Names[i], k)
			}
		}
		return nil
	case *ast.KeyValueExpr:
		if p.Value != e {
			return nil
		}
		outer, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
		if !ok {
			return nil
		}
		if _, isStruct := typeUnder(info.TypeOf(outer)).(*types.Struct); isStruct {
			key, ok := p.Key.(*ast.Ident)
			if !ok {
				return nil
			}
			if k == transport && hasTimeout(outer) {
				return boundedTransport()
			}
			return c.dest(key, k)
		}
		return c.container(cur.Parent().Parent(), k)
	case *ast.CompositeLit:
		// An element of a slice or array literal.
		return c.container(cur.Parent(), k)
	}
	sum := new(summary)
	c.classify(cur, k, sum)
	return sum
}

func typeUnder(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	return t.Underlying()
}

// container follows a slice, array or map literal holding values of kind
// k: it must be stored in a variable.
func (c *checker) container(cur inspector.Cursor, k kind) *summary {
	if elemKind(c.pass.TypesInfo.TypeOf(cur.Node().(ast.Expr))) != k {
		return nil
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, rhs := range p.Rhs {
			if rhs == cur.Node() && len(p.Lhs) == len(p.Rhs) {
				return c.dest(p.Lhs[i], k)
			}
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == cur.Node() && len(p.Names) == len(p.Values) {
				return c.dest(p.Names[i], k)
			}
		}
	}
	return nil
}

// dest returns the summary of the variable or field that lhs denotes, or
// nil when the analyzer cannot see all its uses.
func (c *checker) dest(lhs ast.Expr, k kind) *summary {
	info := c.pass.TypesInfo
	lhs = ast.Unparen(lhs)
	var v *types.Var
	switch lhs := lhs.(type) {
	case *ast.Ident:
		v, _ = info.ObjectOf(lhs).(*types.Var)
	case *ast.SelectorExpr:
		if sel := info.Selections[lhs]; sel != nil && sel.Kind() == types.FieldVal {
			v, _ = sel.Obj().(*types.Var)
		}
	}
	if v == nil {
		return nil
	}
	if k == transport && v.IsField() && isClientTransport(v) {
		return new(summary) // the Transport of an http.Client: used as is
	}
	return c.varSummary(v, k)
}

// hasTimeout reports whether the http.Client literal lit sets Timeout.
func hasTimeout(lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Timeout" {
				return true
			}
		}
	}
	return false
}

// boundedTransport is the summary of a Transport used by a Client with a
// Timeout: the Timeout bounds the dial and the TLS handshake, only idle
// connections still need IdleConnTimeout.
func boundedTransport() *summary {
	sum := new(summary)
	sum.set("TLSHandshakeTimeout")
	sum.set("DialContext")
	return sum
}

// isClientTransport reports whether v is the field net/http.Client.Transport.
func isClientTransport(v *types.Var) bool {
	return v.Pkg() != nil && v.Pkg().Path() == match.NetHTTP && v.Name() == "Transport"
}

// varSummary returns what the package does with the variable v holding
// values of kind k (or a container of them), or nil when v may be used
// outside the package.
func (c *checker) varSummary(v *types.Var, k kind) *summary {
	if v.Pkg() != c.pass.Pkg || v.Name() == "_" {
		return nil
	}
	if v.IsField() {
		if v.Exported() || v.Embedded() {
			return nil // other packages may configure it
		}
	} else if v.Parent() == c.pass.Pkg.Scope() && v.Exported() {
		return nil
	}
	container := elemKind(v.Type()) == k
	if !container && kindOf(v.Type()) != k {
		return nil // an interface (http.RoundTripper): cannot follow
	}
	if sum, ok := c.summaries[v]; ok {
		return sum
	}
	uses := c.usesOf(v)
	if c.results[v] {
		return nil // a named result: returned to the caller
	}
	sum := new(summary)
	c.summaries[v] = sum // breaks cycles
	for _, use := range uses {
		id := use.Node().(*ast.Ident)
		ecur := use
		if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			ecur = use.Parent()
		} else if kv, ok := use.Parent().Node().(*ast.KeyValueExpr); ok && kv.Key == id {
			continue // a field key in a literal: a store, followed from the value
		}
		if container {
			c.classifyContainer(ecur, k, sum)
		} else {
			c.classify(ecur, k, sum)
		}
	}
	return sum
}

// usesOf returns the identifiers that use v.
func (c *checker) usesOf(v *types.Var) []inspector.Cursor {
	if c.uses == nil {
		c.uses = make(map[*types.Var][]inspector.Cursor)
		c.results = make(map[*types.Var]bool)
		for cur := range c.insp.Root().Preorder((*ast.Ident)(nil), (*ast.FuncType)(nil)) {
			if ft, ok := cur.Node().(*ast.FuncType); ok {
				if ft.Results != nil {
					for _, f := range ft.Results.List {
						for _, name := range f.Names {
							if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok {
								c.results[v] = true
							}
						}
					}
				}
				continue
			}
			w, ok := c.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)].(*types.Var)
			if !ok || w.Pkg() != c.pass.Pkg {
				continue
			}
			if kindOf(w.Type()) != none || elemKind(w.Type()) != none {
				c.uses[w] = append(c.uses[w], cur)
			}
		}
	}
	return c.uses[v]
}

// classifyContainer records in sum what is done with the container
// variable used at cur.
func (c *checker) classifyContainer(cur inspector.Cursor, k kind, sum *summary) {
	e := cur.Node()
	for {
		if _, ok := cur.Parent().Node().(*ast.ParenExpr); !ok {
			break
		}
		cur = cur.Parent()
		e = cur.Node()
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.RangeStmt:
		if p.X != e {
			return // assigned by the range: not a use
		}
		if p.Value == nil {
			return
		}
		id, ok := p.Value.(*ast.Ident)
		if !ok {
			sum.escapes = true
			return
		}
		if id.Name == "_" {
			return
		}
		v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
		if !ok {
			sum.escapes = true
			return
		}
		if s := c.varSummary(v, k); s != nil {
			sum.merge(s)
		} else {
			sum.escapes = true
		}
	case *ast.IndexExpr:
		if p.X == e {
			c.classify(cur.Parent(), k, sum)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(p.Fun).(*ast.Ident); ok {
			if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok && (b.Name() == "len" || b.Name() == "cap") {
				return
			}
		}
		sum.escapes = true
	case *ast.AssignStmt:
		for _, lhs := range p.Lhs {
			if lhs == e {
				return // assigned
			}
		}
		sum.escapes = true
	default:
		sum.escapes = true
	}
}

// classify records in sum what is done with the value denoted by the
// expression at cur.
func (c *checker) classify(cur inspector.Cursor, k kind, sum *summary) {
	info := c.pass.TypesInfo
	e := cur.Node()
	for {
		if _, ok := cur.Parent().Node().(*ast.ParenExpr); !ok {
			break
		}
		cur = cur.Parent()
		e = cur.Node()
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr:
		if p.X != e {
			return
		}
		sel := info.Selections[p]
		if sel == nil {
			sum.escapes = true
			return
		}
		name := p.Sel.Name
		switch sel.Kind() {
		case types.FieldVal:
			if !timeoutField(k, name) {
				return // reading or writing another field
			}
			switch gp := cur.Parent().Parent().Node().(type) {
			case *ast.AssignStmt:
				for _, lhs := range gp.Lhs {
					if ast.Unparen(lhs) == p {
						sum.set(name)
					}
				}
			case *ast.UnaryExpr:
				if gp.Op == token.AND {
					sum.set(name) // &srv.ReadTimeout, set through the pointer
				}
			}
		case types.MethodVal:
			if k == server && name == "SetKeepAlivesEnabled" {
				// Without keep-alives there are no idle connections.
				sum.set("IdleTimeout")
				return
			}
			if k == transport && name == "CloseIdleConnections" {
				// The program closes its idle connections itself (a
				// Transport for one function: defer t.CloseIdleConnections()).
				sum.set("IdleConnTimeout")
				return
			}
			if !trigger(k, name) {
				return
			}
			sum.sends = true
			if k == client && name == "Do" {
				// A request with a context from elsewhere may have a
				// deadline.
				call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
				if !ok || call.Fun != p || len(call.Args) != 1 || !c.bareRequest(cur, call.Args[0]) {
					return
				}
			}
			sum.used = true
		default:
			sum.escapes = true
		}
	case *ast.AssignStmt:
		for i, lhs := range p.Lhs {
			if lhs == e {
				return // the variable is assigned, not used
			}
			if i < len(p.Rhs) && p.Rhs[i] == e && len(p.Lhs) == len(p.Rhs) {
				if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
					return
				}
				if k == transport {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
						if s := info.Selections[sel]; s != nil {
							if v, ok := s.Obj().(*types.Var); ok && isClientTransport(v) {
								return
							}
						}
					}
				}
			}
		}
		sum.escapes = true
	case *ast.KeyValueExpr:
		if k == transport && p.Value == e {
			if key, ok := p.Key.(*ast.Ident); ok {
				if v, ok := info.Uses[key].(*types.Var); ok && v.IsField() && isClientTransport(v) {
					if outer, ok := cur.Parent().Parent().Node().(*ast.CompositeLit); ok && hasTimeout(outer) {
						sum.merge(boundedTransport())
					}
					return
				}
			}
		}
		sum.escapes = true
	case *ast.BinaryExpr:
		if p.Op != token.EQL && p.Op != token.NEQ {
			sum.escapes = true
		}
	default:
		sum.escapes = true
	}
}

// dialerKeepAlive reports net.Dialer literals with a negative constant
// KeepAlive whose Dial or DialContext is the dial hook of the Transport
// literal lit.
func (c *checker) dialerKeepAlive(lit *ast.CompositeLit) {
	info := c.pass.TypesInfo
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok || (key.Name != "DialContext" && key.Name != "Dial") {
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
		for _, delt := range dl.Elts {
			dkv, ok := delt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if dk, ok := dkv.Key.(*ast.Ident); !ok || dk.Name != "KeepAlive" {
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
