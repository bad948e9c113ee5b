// Package strict holds the suite-wide contract mode (-strict) and the
// class of each finding.
//
// By default the analyzers report what costs something: a connection
// held, reuse lost again and again, a request that can hang. In strict
// mode they also report where net/http's contract is broken at no cost
// (a body read to EOF but never closed, a request without a context where
// none is in scope, a server without timeouts that only local clients
// reach). A finding the default mode reports is of class cost; one only
// strict mode (or an analyzer flag that strict mode turns on) reports is
// of class contract, and says so in its Category (see class.go).
//
// The mode is one switch for every analyzer: -strict on the command line
// and under go vet, strict: true in the golangci-lint plugin, SetStrict
// for drivers that embed the suite. An analyzer flag that strict mode
// turns on is a [Bool] (or a value with the same Explicit and Reset): set
// explicitly, it wins over the mode either way.
package strict

import (
	"flag"
	"strconv"
)

// on is the mode. Drivers set it before the analysis runs; analyzers only
// read it.
var on bool

// On reports whether strict mode is on.
func On() bool { return on }

// Set turns strict mode on or off, for every analyzer of the process.
func Set(v bool) { on = v }

// Usage is the -strict flag's usage line, one text for every driver.
const Usage = "report where net/http's contract is broken at no cost too (class contract): turns on every analyzer's own strict flags unless they are set explicitly"

// Flag returns the -strict flag's value, bound to the mode.
func Flag() flag.Value { return modeFlag{} }

type modeFlag struct{}

func (modeFlag) IsBoolFlag() bool { return true }
func (modeFlag) Get() any         { return on }
func (modeFlag) String() string   { return strconv.FormatBool(on) }
func (modeFlag) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	on = v
	return nil
}

// Defaulted is an analyzer flag whose default follows the mode: Explicit
// reports whether it was set, and Reset returns it to following the mode
// (test helpers restore flags with it).
type Defaulted interface {
	flag.Value
	Explicit() bool
	Reset()
}

// Bool is a boolean analyzer flag that strict mode turns on: its value is
// what it was set to, or else its default or the mode. Its String is the
// set value or the default, so help and documentation show the default
// mode's.
type Bool struct {
	def, val, set bool
}

// NewBool returns a Bool with default def.
func NewBool(def bool) *Bool { return &Bool{def: def} }

// On reports the flag's effective value.
func (b *Bool) On() bool {
	if b.set {
		return b.val
	}
	return b.def || on
}

func (b *Bool) IsBoolFlag() bool { return true }
func (b *Bool) Get() any         { return b.On() }
func (b *Bool) Explicit() bool   { return b.set }
func (b *Bool) Reset()           { b.set = false }

func (b *Bool) String() string {
	if b == nil {
		return "false"
	}
	if b.set {
		return strconv.FormatBool(b.val)
	}
	return strconv.FormatBool(b.def)
}

func (b *Bool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	b.val, b.set = v, true
	return nil
}
