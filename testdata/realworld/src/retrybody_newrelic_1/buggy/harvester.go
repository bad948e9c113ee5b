// Package telemetry is reduced from newrelic-telemetry-sdk-go's harvester:
// requests built by newRequests, kept in a struct field and posted by
// harvestRequest's back-off loop.
//
// https://github.com/newrelic/newrelic-telemetry-sdk-go/pull/17
//
// Bug: each retry posted req.Request again, whose gzip body the first
// attempt had read and closed; the fix compresses the payload again and
// reattaches it to req.Request.Body before the next attempt.
package telemetry

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/ioutil"
	"net/http"
	"time"
)

type Config struct {
	Client *http.Client
	APIKey string
}

func (cfg *Config) logError(fields map[string]interface{}) { fmt.Println(fields) }

// request contains an http.Request and the UncompressedBody which is provided
// for logging.
type request struct {
	Request          *http.Request
	UncompressedBody json.RawMessage

	compressedBodyLength int
}

func compress(b []byte) (*bytes.Buffer, error) {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return &buf, nil
}

func newRequests(uncompressed json.RawMessage, apiKey string, url string) ([]request, error) {
	compressed, err := compress(uncompressed)
	if nil != err {
		return nil, fmt.Errorf("error compressing data: %v", err)
	}
	compressedLen := compressed.Len()

	req, err := http.NewRequest("POST", url, compressed)
	if nil != err {
		return nil, fmt.Errorf("error creating request: %v", err)
	}
	req.Header.Add("Content-Type", "application/json")
	req.Header.Add("Api-Key", apiKey)
	req.Header.Add("Content-Encoding", "gzip")
	r := request{
		Request:              req,
		UncompressedBody:     uncompressed,
		compressedBodyLength: compressedLen,
	}
	return []request{r}, nil
}

type response struct {
	statusCode int
	body       []byte
	err        error
	retryAfter string
}

func (r response) needsRetry(attempts int) (bool, time.Duration) {
	if attempts >= 5 {
		return false, 0
	}
	if r.err != nil || r.statusCode >= 500 || r.statusCode == http.StatusTooManyRequests {
		return true, time.Duration(1<<attempts) * time.Second
	}
	return false, 0
}

func postData(req *http.Request, client *http.Client) response {
	resp, err := client.Do(req)
	if nil != err {
		return response{err: fmt.Errorf("error posting data: %v", err)}
	}
	defer resp.Body.Close()

	r := response{
		statusCode: resp.StatusCode,
		retryAfter: resp.Header.Get("Retry-After"),
	}

	// On success, metrics ingest returns 202, span ingest returns 200.
	if resp.StatusCode == http.StatusOK || resp.StatusCode == http.StatusAccepted {
		r.body, _ = ioutil.ReadAll(resp.Body)
	} else {
		r.err = fmt.Errorf("unexpected post response code: %d: %s",
			resp.StatusCode, http.StatusText(resp.StatusCode))
	}

	return r
}

func harvestRequest(req request, cfg *Config) {
	var attempts int
	for {
		resp := postData(req.Request, cfg.Client)

		if nil != resp.err {
			cfg.logError(map[string]interface{}{
				"err": resp.err.Error(),
			})
		}
		retry, backoff := resp.needsRetry(attempts)
		if !retry {
			return
		}

		tmr := time.NewTimer(backoff)
		select {
		case <-tmr.C:
			break
		case <-req.Request.Context().Done():
			tmr.Stop()
			return
		}
		attempts++
	}
}

// HarvestMetrics posts a batch, as Harvester.swapOutMetrics and HarvestNow do.
func HarvestMetrics(cfg *Config, body json.RawMessage, url string) error {
	reqs, err := newRequests(body, cfg.APIKey, url)
	if err != nil {
		return err
	}
	for _, req := range reqs {
		harvestRequest(req, cfg)
	}
	return nil
}
