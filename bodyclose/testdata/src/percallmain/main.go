// Package main: a program's per-call pools, judged by process lifetime.
// What a run does once, or once per element of its input, ends with the
// process; a loop that keeps going piles pools up.
package main

import (
	"net/http"
	"os"
	"time"
)

type command struct {
	name string
	run  func(args []string) error
}

// The command table: its entries run when the command line picks them.
var commands = []command{
	{"get", runGet},
}

// runGet is an entry of the table: not known to run more than once. Not
// reported.
func runGet(args []string) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Get(args[0])
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// create runs once for each argument of the command line, from a function
// that runs once per run: it ends with the process. Not reported.
func create(base, name string) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Post(base+"/create/"+name, "text/plain", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func createAll(base string, names []string) error {
	for _, n := range names {
		if err := create(base, n); err != nil {
			return err
		}
	}
	return nil
}

// poll runs in a loop that keeps going: a pool per round, for as long as
// the process lives.
func poll(base string) error {
	c := &http.Client{Transport: &http.Transport{}, Timeout: time.Minute}
	resp, err := c.Get(base + "/status") // want `c.Get sends through a Transport built on every call of poll`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func watch(base string) {
	for {
		poll(base)
		time.Sleep(time.Second)
	}
}

func main() {
	if len(os.Args) > 2 && os.Args[1] == "create" {
		createAll("http://localhost", os.Args[2:])
		return
	}
	for _, c := range commands {
		if c.name == os.Args[1] {
			c.run(os.Args[2:])
		}
	}
	watch("http://localhost")
}
