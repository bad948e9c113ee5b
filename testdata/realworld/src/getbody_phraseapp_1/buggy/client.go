// Package phraseapp is reduced from phrase/phraseapp-go's phraseapp
// package: a generated API client whose list endpoints go through
// sendRequestPaginated(method, path, contentType, body, …), which builds the
// request with buildRequest.
//
// https://github.com/phrase/phraseapp-go/pull/49
//
// Bug: list endpoints that take parameters (BitbucketSyncsList here)
// encoded the params as JSON into a buffer and sent them as the body of a
// GET request, where the API does not read them; the fix adds
// sendGetRequestPaginated, which builds the GET without a body and puts the
// parameters in the query string.
package phraseapp

import (
	"bytes"
	"fmt"
	"io"
	"io/ioutil"
	"net/http"
	"net/url"
	"os"
	"strconv"
)

// Client is a generic PhraseApp client. It manages a connection to the PhraseApp API
type Client struct {
	http.Client
	Credentials Credentials
	debug       bool
}

// Credentials contains all information to authenticate against phraseapp.com or a custom host.
type Credentials struct {
	Token string
	Host  string
}

func (client *Client) authenticate(req *http.Request) error {
	if client.Credentials.Token == "" {
		return fmt.Errorf("either username or token must be given")
	}
	req.Header.Set("Authorization", "token "+client.Credentials.Token)
	return nil
}

func (client *Client) sendRequestPaginated(method, urlPath, contentType string, body io.Reader, expectedStatus, page, perPage int) (io.ReadCloser, error) {
	endpointURL, err := url.Parse(client.Credentials.Host + urlPath)
	if err != nil {
		return nil, err
	}

	addPagination(endpointURL, page, perPage)

	req, err := client.buildRequest(method, endpointURL, body, contentType)
	if err != nil {
		return nil, err
	}

	resp, err := client.send(req, expectedStatus)
	if err != nil {
		return nil, err
	}

	return resp.Body, nil
}

func (client *Client) send(req *http.Request, expectedStatus int) (*http.Response, error) {
	err := client.authenticate(req)
	if err != nil {
		return nil, err
	}

	resp, err := client.Client.Do(req)
	if err != nil {
		return nil, err
	}

	if resp.StatusCode != expectedStatus {
		resp.Body.Close()
		return resp, fmt.Errorf("Unexpected HTTP Status Code (%d %s) received; expected %d", resp.StatusCode, http.StatusText(resp.StatusCode), expectedStatus)
	}
	return resp, nil
}

func addPagination(u *url.URL, page, perPage int) {
	query := u.Query()
	query.Add("page", strconv.Itoa(page))
	query.Add("per_page", strconv.Itoa(perPage))

	u.RawQuery = query.Encode()
}

func (client *Client) buildRequest(method string, u *url.URL, body io.Reader, contentType string) (*http.Request, error) {
	if client.debug {
		fmt.Fprintln(os.Stderr, "Method:", method)
		fmt.Fprintln(os.Stderr, "URL:", u)

		if body != nil {
			bodyBytes, err := ioutil.ReadAll(body)
			if err != nil {
				fmt.Fprintln(os.Stderr, "Error reading body:", err.Error())
			}

			fmt.Fprintln(os.Stderr, "Body:", string(bodyBytes))
			body = bytes.NewReader(bodyBytes)
		}
	}

	req, err := http.NewRequest(method, u.String(), body)
	if err != nil {
		return nil, err
	}

	if contentType != "" {
		req.Header.Add("Content-Type", contentType)
	}

	return req, nil
}
