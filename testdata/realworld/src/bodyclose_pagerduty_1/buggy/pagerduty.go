// Package pagerduty is reduced from marcw/pagerduty: Submit sends an event
// and hands the response to NewResponse, which reads and closes it.
//
// https://github.com/marcw/pagerduty/pull/1
//
// Bug: NewResponse deferred resp.Body.Close() only after the read had
// succeeded, so a failed read left the body open — an 8 KB leak per Submit;
// the fix closes the body in Submit, right after the error check.
package pagerduty

import (
	"bytes"
	"encoding/json"
	"io/ioutil"
	"net/http"
)

// PagerDuty's API endpoint
var Endpoint = "https://events.pagerduty.com/generic/2010-04-15/create_event.json"

type Event struct {
	ServiceKey  string                 `json:"service_key"`
	EventType   string                 `json:"event_type"`
	Description string                 `json:"description"`
	IncidentKey string                 `json:"incident_key"`
	Details     map[string]interface{} `json:"details"`
}

type Response struct {
	Status      string
	Message     string
	IncidentKey string `json:"incident_key"`
	Errors      []string
}

// Prepare a http.Request object that can be used by the http.Client of your choice.
func PrepareRequest(event *Event) (*http.Request, error) {
	marshalled, err := json.Marshal(event)
	if err != nil {
		return nil, err
	}

	req, err := http.NewRequest("POST", Endpoint, bytes.NewBuffer(marshalled))
	if err != nil {
		return nil, err
	}
	req.Header.Add("Content-Type", "application/json")

	return req, nil
}

// Creates a Response struct from a HTTP Response of the PagerDuty's API
func NewResponse(event *Event, resp *http.Response) (*Response, error) {
	buffer, err := ioutil.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()

	response := &Response{}
	if err := json.Unmarshal(buffer, response); err != nil {
		return nil, err
	}

	if event.IncidentKey == "" {
		event.IncidentKey = response.IncidentKey
	}

	return response, nil
}

// Equivalent to a call to PrepareRequest, http.DefaultClient.Do() and NewResponse
func Submit(event *Event) (response *Response, statusCode int, err error) {
	req, err := PrepareRequest(event)
	if err != nil {
		return
	}

	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return
	}
	statusCode = resp.StatusCode
	response, err = NewResponse(event, resp)
	if err != nil {
		return
	}

	return
}
