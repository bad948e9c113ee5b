package main

import (
	"encoding/json"
	"net/http"
	"strings"
)

// getbodySearch sends its query as a GET body, as Elasticsearch's search
// API allows: a proxy or a server may drop it.
func getbodySearch(base, term string) (int, error) {
	query := `{"query": {"match": {"title": "` + term + `"}}}`
	req, err := http.NewRequest(http.MethodGet, base+"/_search", strings.NewReader(query))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := demoClient.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var out struct {
		Hits struct {
			Total int `json:"total"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return 0, err
	}
	return out.Hits.Total, nil
}
