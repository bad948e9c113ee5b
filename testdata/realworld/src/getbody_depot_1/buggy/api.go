// Package api is reduced from depot/cli's pkg/api: the generic apiRequest
// marshals its payload into the request body when the payload is not nil.
//
// https://github.com/depot/cli/pull/41
//
// Bug: GetBuilder called apiRequest with "GET" and an empty map payload, so
// the GET request carried a `{}` JSON body; the fix passes nil.
package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
)

type Depot struct {
	BaseURL string
	token   string
}

type ErrorResponse struct {
	OK    bool   `json:"ok"`
	Error string `json:"error"`
}

func apiRequest[Response interface{}](method, url, token string, payload interface{}) (*Response, error) {
	var requestBody io.Reader

	if payload != nil {
		jsonBytes, err := json.Marshal(payload)
		if err != nil {
			return nil, err
		}
		requestBody = bytes.NewReader(jsonBytes)
	} else {
		requestBody = nil
	}

	client := &http.Client{}
	req, err := http.NewRequest(method, url, requestBody)
	if err != nil {
		return nil, err
	}

	req.Header.Add("Content-Type", "application/json")
	if token != "" {
		req.Header.Add("Authorization", fmt.Sprintf("Bearer %s", token))
	}

	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()

	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}

	var errorResponse ErrorResponse
	err = json.Unmarshal(body, &errorResponse)
	if err == nil && !errorResponse.OK {
		return nil, fmt.Errorf("%s", errorResponse.Error)
	}

	var response Response
	err = json.Unmarshal(body, &response)
	if err != nil {
		return nil, fmt.Errorf("%w: %s", err, string(body))
	}

	return &response, nil
}

type BuildReponse struct {
	OK bool   `json:"ok"`
	ID string `json:"id"`
}

func (d *Depot) CreateBuild(projectID string) (*BuildReponse, error) {
	return apiRequest[BuildReponse](
		"POST",
		fmt.Sprintf("%s/api/internal/cli/projects/%s/builds", d.BaseURL, projectID),
		d.token,
		map[string]string{},
	)
}

type BuilderResponse struct {
	OK          bool   `json:"ok"`
	Endpoint    string `json:"endpoint"`
	AccessToken string `json:"accessToken"`
}

func (d *Depot) GetBuilder(buildID string, platform string) (*BuilderResponse, error) {
	return apiRequest[BuilderResponse](
		"GET",
		fmt.Sprintf("%s/api/internal/cli/builds/%s/platform/%s", d.BaseURL, buildID, platform),
		d.token,
		map[string]string{},
	)
}

type ReleaseResponse struct {
	OK      bool   `json:"ok"`
	Version string `json:"version"`
}

func (d *Depot) LatestRelease() (*ReleaseResponse, error) {
	return apiRequest[ReleaseResponse](
		"GET",
		fmt.Sprintf("%s/api/cli/release/%s/%s/latest", d.BaseURL, runtime.GOOS, runtime.GOARCH),
		d.token,
		nil,
	)
}
