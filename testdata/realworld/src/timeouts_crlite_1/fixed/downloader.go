// Package downloader is reduced from mozilla/crlite's downloader: download
// builds a client, probes the file with a HEAD request in determineAction,
// then streams the CRL to disk; DownloadFileSync retries it.
//
// https://github.com/mozilla/crlite/issues/168
//
// Bug: the client was `&http.Client{}` with no Timeout, and the
// aggregate-crls task hung on a stalled server; the fix threads a timeout
// parameter down and builds `&http.Client{Timeout: timeout}`.
package downloader

import (
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"time"
)

type DownloadAction int

const (
	Create DownloadAction = iota
	Resume
	UpToDate
)

func GetSizeAndDateOfFile(path string) (int64, time.Time, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, time.Time{}, err
	}
	return fi.Size(), fi.ModTime(), nil
}

func determineAction(client *http.Client, crlUrl url.URL, path string) (DownloadAction, int64, int64) {
	szOnDisk, localDate, err := GetSizeAndDateOfFile(path)
	if err != nil {
		return Create, 0, 0
	}
	req, err := http.NewRequest("HEAD", crlUrl.String(), nil)
	if err != nil {
		return Create, szOnDisk, 0
	}
	req.Header.Add("X-Automated-Tool", "https://github.com/mozilla/crlite")

	resp, err := client.Do(req)
	if err != nil {
		return Create, szOnDisk, 0
	}

	lastMod, err := http.ParseTime(resp.Header.Get("Last-Modified"))
	if err != nil {
		return Create, szOnDisk, 0
	}
	szOnServer, err := strconv.ParseInt(resp.Header.Get("Content-Length"), 10, 64)
	if err != nil {
		return Create, szOnDisk, 0
	}

	if localDate.Before(lastMod) {
		return Create, szOnDisk, szOnServer
	}

	if szOnServer == szOnDisk {
		return UpToDate, szOnDisk, szOnServer
	}

	if szOnServer > szOnDisk && resp.Header.Get("Accept-Ranges") == "bytes" {
		return Resume, szOnDisk, szOnServer
	}
	return Create, szOnDisk, szOnServer
}

func download(ctx context.Context, crlUrl url.URL, path string, timeout time.Duration) error {
	client := &http.Client{Timeout: timeout}

	action, offset, size := determineAction(client, crlUrl, path)

	if action == UpToDate {
		return nil
	}

	req, err := http.NewRequestWithContext(ctx, "GET", crlUrl.String(), nil)
	if err != nil {
		return err
	}

	req.Header.Add("X-Automated-Tool", "https://github.com/mozilla/crlite")
	if action == Resume {
		req.Header.Add("Content-Range", fmt.Sprintf("bytes: %d-%d/%d", offset, size, offset-size))
	}

	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()

	var outFileParams int
	switch resp.StatusCode {
	case http.StatusPartialContent:
		outFileParams = os.O_APPEND | os.O_WRONLY
	case http.StatusOK:
		outFileParams = os.O_TRUNC | os.O_CREATE | os.O_WRONLY
	default:
		return fmt.Errorf("Non-OK status: %s", resp.Status)
	}

	outFile, err := os.OpenFile(path, outFileParams, 0644)
	if err != nil {
		return err
	}
	defer outFile.Close()

	if ctx.Err() != nil {
		return ctx.Err()
	}

	// and copy from reader, propagating errors
	totalBytes, err := io.Copy(outFile, resp.Body)
	if err != nil {
		return err
	}
	if size != 0 && totalBytes+offset != size {
		log.Printf("[%s] Didn't seem to download the right number of bytes", crlUrl.String())
	}
	return nil
}

func DownloadFileSync(ctx context.Context, crlUrl url.URL, path string, maxRetries uint, timeout time.Duration) error {
	var err error
	var i uint

	for ; i <= maxRetries; i++ {
		select {
		case <-ctx.Done():
			return nil
		default:
			err = download(ctx, crlUrl, path, timeout)
			if err == nil {
				return nil
			}
		}
	}
	return err
}
