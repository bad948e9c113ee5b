package uses // want package:"netPackage"

import (
	"die"
	"net/http"
	"nonet"
	"testing"
)

var client = &http.Client{}

var plain = 1

func Fail() { die.Die("x") } // want Fail:"noReturn"

// FailNoNet never returns either: nonet.Exit's fact is not computed
// (nonet does not reach net, as under go vet), but its name and signature
// are those of os.Exit.
func FailNoNet() { nonet.Exit() } // want FailNoNet:"noReturn"

func get(c *http.Client) (*http.Response, error) {
	resp, err := c.Get("http://x")
	if err != nil {
		die.Die("get")
	}
	return resp, nil
}

func noHTTP() int { return plain + 1 }

func lit() {
	f := func() { _, _ = http.Get("x") }
	f()
}

func viaSig(f func() *http.Response) {}

func field(x interface{ Get() *http.Response }) { _ = x.Get().Body }

type T struct{}

func (T) Never() { panic("x") } // want Never:"noReturn"

func (t T) Also() { t.Never() } // want Also:"noReturn"

func generic[P any](p P) { die.Die("x") } // want generic:"noReturn"

func callsGeneric() { generic(1) } // want callsGeneric:"noReturn"

func helper(t testing.TB) { t.Fatal("x") } // want helper:"noReturn"

var handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if r == nil {
		die.Die("nil")
	}
	w.WriteHeader(200)
})
