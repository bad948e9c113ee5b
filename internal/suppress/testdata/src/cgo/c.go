package cgo

// static int one(void) { return 1; }
import "C"

func report() {}

// cgo's copy of this file starts with cgo's "Code generated" header: the
// file the user wrote is not generated, so its findings are reported.
func f() {
	_ = C.one()
	report() // want "reported"
}
