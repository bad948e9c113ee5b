// Package compiler is reduced from google/gnostic's compiler.FetchFile.
//
// https://github.com/google/gnostic/pull/117
//
// Bug: on a non-200 status FetchFile returned before its deferred
// response.Body.Close(), leaking the connection; the fix defers the close
// right after the error check, before the status test.
package compiler

import (
	"errors"
	"fmt"
	"io/ioutil"
	"log"
	"net/http"
)

var fileCache map[string][]byte

var verboseReader = false
var fileCacheEnable = true

func initializeFileCache() {
	if fileCache == nil {
		fileCache = make(map[string][]byte, 0)
	}
}

// FetchFile gets a specified file from the local filesystem or a remote location.
func FetchFile(fileurl string) ([]byte, error) {
	var bytes []byte
	initializeFileCache()
	if fileCacheEnable {
		bytes, ok := fileCache[fileurl]
		if ok {
			if verboseReader {
				log.Printf("Cache hit %s", fileurl)
			}
			return bytes, nil
		}
		if verboseReader {
			log.Printf("Fetching %s", fileurl)
		}
	}
	response, err := http.Get(fileurl)
	if err != nil {
		return nil, err
	}
	if response.StatusCode != 200 {
		return nil, errors.New(fmt.Sprintf("Error downloading %s: %s", fileurl, response.Status))
	}
	defer response.Body.Close()
	bytes, err = ioutil.ReadAll(response.Body)
	if fileCacheEnable && err == nil {
		fileCache[fileurl] = bytes
	}
	return bytes, err
}
