package match

import (
	"go/types"
	"testing"
)

func TestTypeMentions(t *testing.T) {
	pkg, _, _ := checkSrc(t, `package p

import "net/http"

type list[T any] struct{ next *list[T]; v T }
type getter func() (*http.Response, error)

var (
	plain   int
	ptr     *http.Request
	inMap   map[string][]chan http.Header
	inFunc  func(int) (bool, *http.Client)
	inArgs  list[*http.Response]
	noArgs  list[int]
	named   getter
	field   struct{ g []getter }
)
`)
	isHTTP := func(n *types.Named) bool { return n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == NetHTTP }
	isGetter := func(n *types.Named) bool { return n.Obj().Name() == "getter" }
	for name, want := range map[string][2]bool{
		"plain":  {false, false},
		"ptr":    {true, false},
		"inMap":  {true, false},
		"inFunc": {true, false},
		"inArgs": {true, false}, // through a type argument, past the cycle of list
		"noArgs": {false, false},
		"named":  {false, true}, // a named type is not walked into
		"field":  {false, true},
	} {
		typ := pkg.Scope().Lookup(name).Type()
		if got := TypeMentions(typ, isHTTP, make(map[types.Type]bool)); got != want[0] {
			t.Errorf("TypeMentions(%s, net/http) = %v, want %v", name, got, want[0])
		}
		if got := TypeMentions(typ, isGetter, make(map[types.Type]bool)); got != want[1] {
			t.Errorf("TypeMentions(%s, getter) = %v, want %v", name, got, want[1])
		}
	}
}
