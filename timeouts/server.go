package timeouts

import (
	"go/ast"
	"go/types"
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
			c.report(k, nil, name.Pos(), name.End(), nil, sum)
		}
	}
}
