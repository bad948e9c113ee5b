package match

import "go/types"

// TypeMentions reports whether t is or mentions (in its elements, fields,
// parameters, results or type arguments) a named type for which is
// holds. memo remembers the instantiated types walked for this is: the
// calls that share a memo must share is.
func TypeMentions(t types.Type, is func(*types.Named) bool, memo map[types.Type]bool) bool {
	return typeMentions(t, is, memo, 0)
}

func typeMentions(t types.Type, is func(*types.Named) bool, memo map[types.Type]bool, depth int) bool {
	if t == nil || depth > 8 {
		return false
	}
	switch t := t.(type) {
	case *types.Basic:
		return false // most identifiers: not worth a place in memo
	case *types.Named:
		if t.TypeArgs() == nil {
			return is(t)
		}
	}
	// Only instances are remembered: no cycle runs through the other
	// types without a named type, and a map entry for every signature
	// and pointer the package uses cost more than walking them again.
	_, inst := t.(*types.Named)
	if inst {
		if r, ok := memo[t]; ok {
			return r
		}
		memo[t] = false // break cycles
	}
	walk := func(t types.Type) bool { return typeMentions(t, is, memo, depth+1) }
	r := false
	switch t := t.(type) {
	case *types.Alias:
		r = walk(types.Unalias(t))
	case *types.Named:
		r = is(t)
		if args := t.TypeArgs(); args != nil {
			for i := 0; i < args.Len() && !r; i++ {
				r = walk(args.At(i))
			}
		}
	case *types.Pointer:
		r = walk(t.Elem())
	case *types.Slice:
		r = walk(t.Elem())
	case *types.Array:
		r = walk(t.Elem())
	case *types.Chan:
		r = walk(t.Elem())
	case *types.Map:
		r = walk(t.Key()) || walk(t.Elem())
	case *types.Signature:
		r = walk(t.Params()) || walk(t.Results())
	case *types.Tuple:
		for i := 0; i < t.Len() && !r; i++ {
			r = walk(t.At(i).Type())
		}
	case *types.Struct:
		for i := 0; i < t.NumFields() && !r; i++ {
			r = walk(t.Field(i).Type())
		}
	}
	if inst {
		memo[t] = r
	}
	return r
}
