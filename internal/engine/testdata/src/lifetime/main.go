// want package:"netPackage"

// Package main: how often each function runs, as the package shows it.
package main

import (
	"net/http"
	"os"
	"time"
)

func main() {
	setup()
	for _, a := range os.Args[1:] {
		perArg(a)
	}
	for {
		tick()
		time.Sleep(time.Second)
	}
}

func init() {}

func setup()         {}             // once per run: called from main, in no loop
func perArg(string)  { nested() }   // a loop over data in main: not a stream, not once
func nested()        {}             // called from perArg, which may run more than once
func tick()          { fromTick() } // a loop that keeps going: a stream
func fromTick()      {}             // called by a stream: a stream
func twice()         {}             // called twice from main-like code
func handed() error  { return nil } // handed on to code out of view
func retried() error { return nil } // handed to a helper that calls it again

func serve(w http.ResponseWriter, r *http.Request) {} // serves requests

var table = []func() error{handed}

func retry(op func() error) { // want retry:"callsRepeatedly\\[0\\]"
	for op() != nil {
	}
}

func later() {
	twice()
	twice()
	retry(retried)
	go func() { fromGo() }()
}

func fromGo() {}

func handle(w http.ResponseWriter, r *http.Request) { fromHandler() }

func fromHandler() {} // called by a handler only: how many requests a process serves is out of view
