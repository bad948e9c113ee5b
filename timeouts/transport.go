package timeouts

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
	"github.com/httpvet/httpvet/internal/suppress"
)

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
