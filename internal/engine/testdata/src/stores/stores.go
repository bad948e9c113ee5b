package stores // want package:"netPackage"

// Fields and the stores into them (FieldStores).

import (
	"errors"
	"net/http"
)

type batch struct {
	request *http.Request // two stores: an assignment from a call's first result, a keyed literal
	tries   int           // a keyed store, an update, a read
	Name    string        // exported field of an unexported type: only this package names it
	taken   *http.Request // address taken: out of view
	pair    [2]int        // an unkeyed literal
}

// Exported is a type other packages can name.
type Exported struct {
	Req    *http.Request // set anywhere: unknown
	hidden *http.Request // unexported: only here
}

func newBatch(u string) (*batch, error) {
	b := &batch{tries: 3, Name: "b"}
	var err error
	b.request, err = http.NewRequest("POST", u, nil)
	if err != nil {
		return nil, errors.New("x")
	}
	b.tries += 1
	_ = b.tries
	p := &b.taken
	_ = p
	return b, nil
}

func other() batch {
	return batch{request: nil}
}

func unkeyed() batch {
	return batch{nil, 1, "n", nil, [2]int{}}
}

func exported(e *Exported) {
	e.hidden = e.Req
}
