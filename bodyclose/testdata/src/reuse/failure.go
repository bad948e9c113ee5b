package reuse

import (
	"io"
	"net/http"
)

// A function without an error result fails with a bare return after
// the status check (coredns plugin/test's fetchMetricFamilies): that is
// its error path. Called in a loop, so only the failure matters here.
func fetch(url string, ch chan<- []byte) {
	defer close(ch)
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return
	}
	b, _ := io.ReadAll(resp.Body)
	ch <- b
}

func fetchAll(urls []string) {
	for _, u := range urls {
		fetch(u, make(chan []byte, 1))
	}
}

// The bare return of a success branch is no failure: reported.
func fetchStatus(url string, ch chan<- int) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close() // want `closed unread on the path returning at line 40`
	if resp.StatusCode == http.StatusOK {
		ch <- resp.StatusCode
		return
	}
	b, _ := io.ReadAll(resp.Body)
	ch <- len(b)
}

func fetchStatuses(urls []string, ch chan<- int) {
	for _, u := range urls {
		fetchStatus(u, ch)
	}
}
