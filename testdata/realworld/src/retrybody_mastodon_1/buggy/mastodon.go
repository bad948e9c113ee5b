// Package mastodon is reduced from mattn/go-mastodon's Client.doAPI.
//
// https://github.com/mattn/go-mastodon/pull/219
//
// Bug: the 429 back-off loop re-sent the same *http.Request, whose form body
// the first attempt had consumed; the fix resets req.Body from req.GetBody
// before each retry.
package mastodon

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

type Config struct {
	Server      string
	AccessToken string
}

// Client embeds http.Client, as the real one does: c.Do is http.Client.Do.
type Client struct {
	http.Client
	Config    *Config
	UserAgent string
}

type Media struct {
	File io.Reader
}

func (m *Media) bodyAndContentType() (io.Reader, string, error) {
	return m.File, "application/octet-stream", nil
}

type apiError struct {
	prefix string
	body   string
}

func (e *apiError) Error() string { return e.prefix + ": " + e.body }

func parseAPIError(prefix string, resp *http.Response) error {
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return &apiError{prefix: prefix, body: string(b)}
}

func (c *Client) doAPI(ctx context.Context, method string, uri string, params interface{}, res interface{}) error {
	u, err := url.Parse(c.Config.Server)
	if err != nil {
		return err
	}
	u = u.JoinPath(uri)

	var req *http.Request
	ct := "application/x-www-form-urlencoded"
	if values, ok := params.(url.Values); ok {
		var body io.Reader
		if method == http.MethodGet {
			u.RawQuery = values.Encode()
		} else {
			body = strings.NewReader(values.Encode())
		}
		req, err = http.NewRequest(method, u.String(), body)
		if err != nil {
			return err
		}
	} else if media, ok := params.(*Media); ok {
		r, contentType, err := media.bodyAndContentType()
		if err != nil {
			return err
		}
		req, err = http.NewRequest(method, u.String(), r)
		if err != nil {
			return err
		}
		ct = contentType
	} else {
		req, err = http.NewRequest(method, u.String(), nil)
		if err != nil {
			return err
		}
	}
	req = req.WithContext(ctx)
	req.Header.Set("Authorization", "Bearer "+c.Config.AccessToken)
	if params != nil {
		req.Header.Set("Content-Type", ct)
	}
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}

	var resp *http.Response
	backoff := time.Second
	for {
		resp, err = c.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()

		if resp.StatusCode == 429 {
			if backoff > time.Hour {
				break
			}
			select {
			case <-time.After(backoff):
			case <-ctx.Done():
				return ctx.Err()
			}
			backoff = time.Duration(1.5 * float64(backoff))
			continue
		}
		break
	}

	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusAccepted {
		return parseAPIError("bad request", resp)
	} else if res == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(&res)
}
