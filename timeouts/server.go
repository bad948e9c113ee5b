package timeouts

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"github.com/httpvet/httpvet/internal/strict"
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
			c.report(k, cursor{}, nil, name.Pos(), name.End(), nil, sum)
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
	switch {
	case val == nil:
	case name == "ReadTimeout", strict.On() && strictZero(name):
		if tv, ok := info.Types[val]; ok && tv.Value != nil && constant.Sign(tv.Value) == 0 {
			return name + "=0"
		}
	}
	return name
}

// strictZero reports whether an explicit zero in the server field name is
// no value in strict mode, as it is to net/http: ReadHeaderTimeout and
// IdleTimeout. (The default mode reads it as a deliberate choice.)
func strictZero(name string) bool { return name == "ReadHeaderTimeout" || name == "IdleTimeout" }

// zerosAsSet returns set with the explicit zeros strict mode does not
// count (strictZero) counted, as the default mode counts them.
func zerosAsSet(set map[string]bool) map[string]bool {
	out := make(map[string]bool, len(set))
	for f := range set {
		name, zero := strings.CutSuffix(f, "=0")
		if zero && strictZero(name) {
			f = name
		}
		out[f] = true
	}
	return out
}
