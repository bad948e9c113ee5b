package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"time"
)

// retrybodyPost retries on 503, sending the same request again: Do
// consumed its body on the first attempt, so the retries send nothing.
func retrybodyPost(url string, payload []byte) error {
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(payload))
	if err != nil {
		return err
	}
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := demoClient.Do(req)
		if err != nil {
			return err
		}
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable {
			return nil
		}
		time.Sleep(time.Second)
	}
	return fmt.Errorf("%s: still unavailable", url)
}
