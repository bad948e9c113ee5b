// Package main: code that never runs holds no finding.
package main

func report() {}

func main() {
	report() // want "reported"
	run()
	handlers = append(handlers, viaValue)
}

func init() { report() } // want "reported"

func run() { report() } // want "reported"

// Nothing calls example, nor what only example calls: they never run.
func example() {
	report()
	onlyFromExample()
}

func onlyFromExample() { report() }

// A package-level initializer names it: it may run.
var handlers = []func(){fromInit}

func fromInit() { report() } // want "reported"

func viaValue() { report() } // want "reported"

type T struct{}

// Methods may be reached through an interface.
func (T) M() { report(); fromMethod() } // want "reported"

func fromMethod() { report() } // want "reported"

//export fromC
func fromC() { report() } // want "reported"
