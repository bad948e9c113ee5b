package stream

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// A log stream followed on purpose, with its own deadline that exits the
// process (tailscale logtail/example/logreprocess): a Client Timeout
// would cut the stream.
func logreprocess(collection string) error {
	req, err := http.NewRequest("GET", "https://log.example.com/c/"+collection+"?stream=true", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	scanner := bufio.NewScanner(resp.Body)
	for scanner.Scan() {
		fmt.Println(scanner.Text())
	}
	return scanner.Err()
}

func events(url string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	for dec.More() {
		var ev map[string]any
		if err := dec.Decode(&ev); err != nil {
			return err
		}
	}
	return nil
}

func watch(url string) error {
	client := &http.Client{}
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	for r := bufio.NewReader(resp.Body); ; {
		line, err := r.ReadString('\n')
		if err != nil {
			return err
		}
		fmt.Print(line)
	}
}

// Downloads: a whole-request Timeout must fit the download (tailscale
// tool/gocross, derp/xdp/headers).
func download(url string, f *os.File) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, err = io.Copy(f, resp.Body)
	return err
}

// The response returned to the caller, who reads the body (caddy's
// downloadBuild).
func open(url string) (*http.Response, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	return resp, nil
}

func openBody(url string) (io.ReadCloser, error) {
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := (&http.Client{}).Do(req)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// Still reported: bodies read whole, and a reader that reads one line
// of the body each round of a loop it is made in.
func fetch(url string) ([]byte, error) {
	resp, err := http.Get(url) // want `http.Get uses http.DefaultClient`
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func decodeOnce(url string, v any) error {
	client := &http.Client{} // want `http.Client without Timeout`
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return json.NewDecoder(resp.Body).Decode(v)
}

func firstLine(url string) {
	client := &http.Client{} // want `http.Client without Timeout`
	resp, err := client.Get(url)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	for {
		s := bufio.NewScanner(resp.Body)
		if !s.Scan() {
			return
		}
		fmt.Println(s.Text())
	}
}

func drain(url string) {
	resp, err := http.Get(url) // want `http.Get uses http.DefaultClient`
	if err != nil {
		return
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func poll(url string) {
	for {
		resp, err := http.Get(url) // want `http.Get uses http.DefaultClient`
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(string(b))
		time.Sleep(time.Minute)
	}
}
