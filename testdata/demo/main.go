// Command demo is a small HTTP client and server that makes, on purpose,
// each mistake httpvet finds, written the way people write it. Run
// httpvet on it:
//
//	go run ./cmd/httpvet ./testdata/demo
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: demo URL")
		os.Exit(2)
	}
	timeoutsDemoServe("localhost:0")
	if code, err := timeoutsDemoFetch(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, code, err)
	}
	client := deadlineconnClient()
	client.Transport = deadlineconnDialer()
	hits, err := getbodySearch(os.Args[1], "golang")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(hits)
	if bodycloseDemoHealthy(os.Args[1]) {
		page, err := bodycloseDemoFetch(os.Args[1])
		fmt.Println(len(page), err)
	}
	stubbed := &http.Client{Transport: nilbodyStub{}, Timeout: demoClient.Timeout}
	fmt.Println(stubbed.Get(os.Args[1]))
	fmt.Println(retrybodyPost(os.Args[1], []byte("hello")))
	fmt.Println(reqctxFetch(context.Background(), os.Args[1]))
}
