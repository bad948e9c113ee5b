// Package noreturn: a path ends only at a call that never returns, as the
// engine knows it (its facts, the standard library's), never by a name.
package noreturn

import (
	"log"
	"net/http"
)

// reporter's Fatal and Skip log and return: their names say nothing.
type reporter struct{}

func (reporter) Fatal(msg string) { log.Print(msg) }
func (reporter) Skip(msg string)  { log.Print(msg) }

func leakAfterFatalMethod(r reporter, url string) error {
	resp, err := http.Get(url) // want `leaks at the return on line 24`
	if err != nil {
		r.Fatal(err.Error())
		return nil
	}
	if resp.StatusCode != http.StatusOK {
		r.Skip("status")
		return nil
	}
	return resp.Body.Close()
}

// die never returns: it carries the noReturn fact.
func die(msg string) { log.Fatal(msg) }

func endsAtDie(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		die("status")
	}
	return resp.Body.Close()
}

func endsAtLogFatal(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		log.Fatalf("status %d", resp.StatusCode)
	}
	return resp.Body.Close()
}
