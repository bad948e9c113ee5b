// Command armstrong is reduced from StevenMaude/armstrong: it downloads
// Garmin EPO data.
//
// https://github.com/StevenMaude/armstrong/pull/14
//
// Bug: the download used http.Post, whose http.DefaultClient has no
// timeout, so a stuck server hung the command forever; the fix posts
// through an http.Client with a 20 s Timeout.
package main

import (
	"bytes"
	"fmt"
	"io/ioutil"
	"log"
	"net/http"
)

// retrieveData makes a HTTP request to get Garmin EPO data and returns the body as []byte if successful.
func retrieveData() ([]byte, error) {
	url := "https://omt.garmin.com/Rce/ProtobufApi/EphemerisService/GetEphemerisData"
	data := []byte("\n-\n\aexpress\u0012\u0005de_DE\u001A\aWindows\"" +
		"\u0012601 Service Pack 1\u0012\n\b\x8C\xB4\x93\xB8" +
		"\u000E\u0012\u0000\u0018\u0000\u0018\u001C\"\u0000")

	resp, err := http.Post(url, "application/octet-stream", bytes.NewBuffer(data))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()

	body, err := ioutil.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return body, nil
}

func main() {
	rawEPOData, err := retrieveData()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(rawEPOData))
}
