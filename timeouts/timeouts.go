package timeouts

import (
	_ "embed"
	"flag"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/httpvet/httpvet/internal/docs"
	"github.com/httpvet/httpvet/internal/engine"
	"github.com/httpvet/httpvet/internal/fixes"
	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/strict"
	"github.com/httpvet/httpvet/internal/suppress"
	"github.com/httpvet/httpvet/reqctx"
)

//go:embed doc.go
var doc string

// Analyzer reports HTTP clients, servers and transports that can wait
// forever.
var Analyzer = &analysis.Analyzer{
	Name: "timeouts",
	Doc:  docs.Extract(doc, "timeouts"),
	URL:  "https://github.com/httpvet/httpvet/blob/main/docs/timeouts.md",
	// reqctx owns the requests that leave out the context in scope: its
	// fix, the caller's context, bounds them as much as their caller.
	Requires: []*analysis.Analyzer{engine.Analyzer, suppress.Analyzer, reqctx.Analyzer},
	Run:      run,
	// Constructors whose callers set the timeouts tell callers in other
	// packages which ones they must set.
	FactTypes: []analysis.Fact{new(constructorFact)},
	Flags:     flags(),
	// Runs on code with type errors too (gopls does so): it must not crash.
	RunDespiteErrors: true,
}

// config is the analyzer's configuration, bound to Analyzer.Flags.
type config struct {
	server, client, defaultClient, transport, listen bool

	// tests and idleConn (Transports whose only missing timeout is
	// IdleConnTimeout) are on in strict mode unless set explicitly.
	tests, idleConn *strict.Bool

	clientTimeout, readHeaderTimeout, idleTimeout time.Duration
}

var cfg = config{
	server: true, client: true, defaultClient: true, transport: true, listen: true,
	tests: strict.NewBool(false), idleConn: strict.NewBool(false),
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
	fs.Var(cfg.idleConn, "idle-conn", "also report http.Transport literals whose only missing timeout is IdleConnTimeout (many distinct hosts, or servers that drop idle connections sooner)")
	fs.BoolVar(&cfg.listen, "listen", cfg.listen, "report http.ListenAndServe, ListenAndServeTLS, Serve and ServeTLS")
	fs.Var(cfg.tests, "tests", "also report in test code: _test.go files, files that import testing or net/http/httptest, test support packages")
	// Fix values: a zero or negative duration is no timeout, rejected.
	fs.Var(fixes.PositiveDuration{D: &cfg.clientTimeout}, "client-timeout", "Timeout that the fix adds to http.Client literals (positive)")
	fs.Var(fixes.PositiveDuration{D: &cfg.readHeaderTimeout}, "read-header-timeout", "ReadHeaderTimeout that the fixes add to servers (positive)")
	fs.Var(fixes.PositiveDuration{D: &cfg.idleTimeout}, "idle-timeout", "IdleTimeout that the fixes add to servers (positive)")
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
	t = match.Deref(t)
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

type checker struct {
	pass *analysis.Pass
	idx  *engine.Index
	// reqctx: the calls reqctx reported for leaving out the context in
	// scope; see reqctxOwns.
	reqctx *reqctx.Result
	// uses maps each variable of a tracked kind (or a container of them)
	// to the identifiers that use it, built on first need.
	uses      map[*types.Var][]cursor
	results   map[*types.Var]bool // named results, returned by a bare return
	summaries map[*types.Var]*summary
	calls     map[*types.Func][]cursor     // calls of the package's functions
	callees   map[*types.Func][]*ast.Ident // the identifiers naming them
	// stores, params and funcValues: see buildStores.
	stores     map[*types.Var][]ast.Expr
	params     map[*types.Var]paramSite
	funcValues map[*types.Func]bool
	// varCalls: the calls of local function variables; funcVarUsed: the
	// ones also used otherwise (passed on, stored).
	varCalls    map[*types.Var][]*ast.CallExpr
	funcVarUsed map[*types.Var]bool
	// ranged: range value variables, to the ranged expression;
	// privateFields: fields of the package's unexported struct types.
	ranged        map[*types.Var]ast.Expr
	privateFields map[*types.Var]bool
	// untimed: the Client literals reported for their missing Timeout;
	// pending: Transport findings that wait for them (see report).
	untimed map[*ast.CompositeLit]bool
	pending []func()
	// zeroReported: the Client fields reported for holding the zero Client.
	zeroReported map[*types.Var]bool

	// tests: -tests; strict: strict mode, which also reports servers
	// whatever reaches them (contract findings). testStores: -tests set
	// explicitly, which alone lets the values test code stores or passes
	// make an address public: strict mode's reach stays the default's, so
	// that what strict mode adds is of class contract.
	tests, strict, testStores bool
}

func run(pass *analysis.Pass) (any, error) {
	suppress.ReportMalformed(pass)
	if !match.Imports(pass.Pkg, match.NetHTTP) {
		return nil, nil
	}
	idx := pass.ResultOf[engine.Analyzer].(*engine.Index)
	rq, _ := pass.ResultOf[reqctx.Analyzer].(*reqctx.Result)
	c := &checker{pass: pass, idx: idx, reqctx: rq, summaries: make(map[*types.Var]*summary),
		tests: cfg.tests.On(), strict: strict.On(), testStores: cfg.tests.Explicit() && cfg.tests.On()}
	if c.tests {
		strict.MarkTestCode(pass, c.inTestFile)
	}
	decls := c.httpDecls()
	if !c.tests {
		// Nothing in a test file is reported: skip its declarations here
		// (the walks that follow values still see them).
		decls = slices.DeleteFunc(decls, func(d ast.Decl) bool { return c.inTestFile(d.Pos()) })
	}
	c.walk(declSet(decls), func(cur cursor) {
		switch cur.Node().(type) {
		case *ast.CompositeLit, *ast.CallExpr, *ast.ValueSpec, *ast.AssignStmt:
		default:
			return
		}
		if !c.tests && c.inTestFile(cur.Node().Pos()) {
			return
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
	})
	for _, f := range c.pending {
		f()
	}
	return nil, nil
}

// inTestFile reports whether pos lies in test code (engine.Index.InTestCode).
func (c *checker) inTestFile(pos token.Pos) bool { return c.idx.InTestCode(pos) }

// compositeLit checks a Server, Client or Transport literal.
func (c *checker) compositeLit(cur cursor, lit *ast.CompositeLit) {
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
			set[fieldKey(c.pass.TypesInfo, key.Name, kv.Value)] = true
		}
	}
	if k == transport {
		c.dialerKeepAlive(lit)
	}
	if k == client && c.unixClient(lit) {
		return // its peer is a local process
	}
	if len(missing(k, set)) == 0 {
		return
	}
	sum := c.follow(cur, k)
	if sum == nil {
		if !c.strict || k != server {
			return
		}
		sum = &summary{escapes: true} // strict: what the literal leaves unset
	}
	c.report(k, cur, lit, lit.Pos(), litEnd(lit), set, sum)
}

func litEnd(lit *ast.CompositeLit) token.Pos {
	if lit.Type != nil {
		return lit.Type.End()
	}
	return lit.Lbrace + 1
}

// missing returns the fields a value of kind k should set but whose
// literal or later assignments do not.
func missing(k kind, set map[string]bool) []string {
	switch k {
	case server:
		return serverMissing(set)
	case client:
		if !set["Timeout"] {
			return []string{"Timeout"}
		}
	case transport:
		return transportMissing(set)
	}
	return nil
}

// union returns the fields a or b sets: those of a literal and those set
// after it.
func union(a, b map[string]bool) map[string]bool {
	u := make(map[string]bool, len(a)+len(b))
	for f := range a {
		u[f] = true
	}
	for f := range b {
		u[f] = true
	}
	return u
}

// report reports the value created at [pos, end) (by lit, when it is a
// literal) if its fields lack timeouts, and the value is used. In strict
// mode a server is reported whatever reaches it and whether or not it is
// served in view, as a contract finding.
func (c *checker) report(k kind, cur cursor, lit *ast.CompositeLit, pos, end token.Pos, set map[string]bool, sum *summary) {
	everyServer := c.strict && k == server
	contract := false
	if sum.escapes {
		if !everyServer {
			return
		}
		contract = true
	}
	if k == server && !contract && c.local(lit, sum) {
		if !everyServer {
			return // only local clients can reach it
		}
		contract = true
	}
	all := union(set, sum.sets)
	if sum.returned && !sum.used {
		c.constructed(k, cur, lit, pos, end, all, sum)
		return
	}
	if k != transport && !sum.used {
		if !everyServer {
			return
		}
		contract = true
	}
	m := missing(k, all)
	if len(m) == 0 {
		return
	}
	if k == transport && len(sum.clients) > 0 {
		// The Transport of Client literals without Timeout: once every
		// one of them is reported, that finding and its one fix (Timeout,
		// which bounds the whole exchange, dial and handshake included)
		// cover the dial and TLS timeouts; the Transport is reported only
		// for what Timeout does not cover. Decided after the walk, which
		// may meet the Transport before its Client.
		c.pending = append(c.pending, func() {
			for _, cl := range sum.clients {
				if !c.untimed[cl] {
					c.diagnose(k, cur, lit, pos, end, all, m, sum.timed, false)
					return
				}
			}
			covered := maps.Clone(all)
			maps.Copy(covered, boundedTransport().sets)
			if m := missing(k, covered); len(m) > 0 {
				c.diagnose(k, cur, lit, pos, end, covered, m, true, false)
			}
		})
		return
	}
	c.diagnose(k, cur, lit, pos, end, all, m, sum.timed, contract)
}

// gosec is the peer linter whose G112 (a Server without ReadHeaderTimeout)
// and G114 (http.ListenAndServe and co.) are timeouts' server findings: a
// //nolint:gosec there has declined them.
const gosec = "gosec"

// diagnose reports the value created at [pos, end) without the fields m.
// underClient: a Transport under a Client whose Timeout bounds its
// requests, or that is reported for lacking one. contract: a finding
// only strict mode reports; so is one that only strict mode's reading of
// the fields makes (contractOnly).
func (c *checker) diagnose(k kind, cur cursor, lit *ast.CompositeLit, pos, end token.Pos, all map[string]bool, m []string, underClient, contract bool) {
	contract = contract || contractOnly(k, all, m)
	if k == server && suppress.PeerSuppressed(c.pass, gosec, pos) {
		return // gosec's G112, declined
	}
	d := analysis.Diagnostic{Pos: pos, End: end, Message: message(k, m, underClient) + advice(k, m)}
	if k == client && lit != nil && c.unboundedTransport(cur, lit) {
		d.Message = clientTransportMessage
	}
	if lit != nil {
		if k == transport {
			d.SuggestedFixes = c.transportFix(cur, lit, all, m)
		} else {
			d.SuggestedFixes = c.literalFix(k, lit, m)
		}
	}
	if suppress.Report(c.pass, strict.MarkIf(d, contract)) && k == client && lit != nil {
		if c.untimed == nil {
			c.untimed = make(map[*ast.CompositeLit]bool)
		}
		c.untimed[lit] = true
	}
}

// contractOnly reports whether the default mode would not report a value
// of kind k with the fields all set, missing m: a server missing only
// fields the literal gives an explicit zero, a Transport missing only
// IdleConnTimeout (-idle-conn).
func contractOnly(k kind, all map[string]bool, m []string) bool {
	switch k {
	case server:
		return len(missing(k, zerosAsSet(all))) == 0
	case transport:
		return len(m) == 1 && m[0] == "IdleConnTimeout"
	}
	return false
}

// clientTransportMessage is the finding of a Client literal without
// Timeout whose Transport literal has no dial or TLS handshake timeout:
// one finding for both, since Timeout bounds the whole exchange.
const clientTransportMessage = "http.Client without Timeout, and its http.Transport literal has no dial or TLS handshake timeout: " +
	"its requests can wait forever on a slow or stuck server; set Timeout, which bounds the dial and the handshake too, " +
	"or give each request a context with a deadline"

// advice is what the message of a literal's finding ends with: the
// fields to set. A Transport's message names its remedy already, and a
// constructor's finding says where to set them instead.
func advice(k kind, m []string) string {
	switch k {
	case server:
		return "; set " + strings.Join(m, " and ")
	case client:
		return "; set Timeout, or give each request a context with a deadline"
	}
	return ""
}

func message(k kind, m []string, underClient bool) string {
	switch k {
	case server:
		return serverMessage(m)
	case client:
		return "http.Client without Timeout: its requests can wait forever on a slow or stuck server"
	}
	return transportMessage(m, underClient)
}
