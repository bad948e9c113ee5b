// A command whose errors end it: a body left open on an error path is
// held for no time (tailscale's checkmetrics).
package main

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

// Every leaking path returns an error, and main exits on it: not reported.
func getKB(url string) (string, error) {
	resp, err := http.Get(url)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d", resp.StatusCode)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// main only logs the error and goes on: reported.
func getLogged(url string) error {
	resp, err := http.Get(url) // want `response body of http.Get is not closed on every path, so the connection leaks at the return on line 35`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// A leak on a path that returns no error: reported.
func getQuiet(url string) (bool, error) {
	resp, err := http.Get(url) // want `response body of http.Get is not closed on every path, so the connection leaks at the return on line 47`
	if err != nil {
		return false, err
	}
	if resp.StatusCode != http.StatusOK {
		return false, nil
	}
	return true, resp.Body.Close()
}

// Called in a loop: every failed round holds a connection. Reported.
func getEach(url string) error {
	resp, err := http.Get(url) // want `response body of http.Get is not closed on every path, so the connection leaks at the return on line 59`
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return errors.New(resp.Status)
	}
	return resp.Body.Close()
}

// return http.Get(…) returns the second response: its error may be nil,
// and the first response is left open. Reported.
func getFallback(url string) (*http.Response, error) {
	resp, err := http.Get(url) // want `response body of http.Get is not closed on every path, so the connection leaks at the return on line 72`
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return http.Get(url + "/fallback")
	}
	return resp, nil
}

// Fixed: the first response is drained and closed before the fallback.
func getFallbackClosed(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		resp.Body.Close()
		return http.Get(url + "/fallback")
	}
	return resp, nil
}

func main() {
	kb, err := getKB(os.Args[1])
	if err != nil {
		log.Fatalf("getting kb: %v", err)
	}
	fmt.Println(kb)
	if err := getLogged(os.Args[2]); err != nil {
		log.Print(err)
	}
	if ok, err := getQuiet(os.Args[3]); err != nil || !ok {
		os.Exit(1)
	}
	resp, err := getFallback(os.Args[4])
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	resp, err = getFallbackClosed(os.Args[4])
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	for _, u := range os.Args[4:] {
		if err := getEach(u); err != nil {
			log.Fatal(err)
		}
	}
}
