package integration

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// A minimal LSP client over gopls's stdio, enough to pass settings (which the
// gopls command line cannot) and read the published diagnostics.

type lspMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   json.RawMessage `json:"error,omitempty"`
}

type lspPosition struct{ Line, Character int }

type lspDiagnostic struct {
	Range   struct{ Start, End lspPosition }
	Source  string
	Message string
}

type lspConn struct {
	w    io.Writer
	r    *bufio.Reader
	next int
}

func (c *lspConn) write(m map[string]any) error {
	m["jsonrpc"] = "2.0"
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(b), b)
	return err
}

func (c *lspConn) request(method string, params any) (int, error) {
	c.next++
	return c.next, c.write(map[string]any{"id": c.next, "method": method, "params": params})
}

func (c *lspConn) notify(method string, params any) error {
	return c.write(map[string]any{"method": method, "params": params})
}

func (c *lspConn) read() (*lspMessage, error) {
	h, err := textproto.NewReader(c.r).ReadMIMEHeader()
	if err != nil {
		return nil, err
	}
	n, err := strconv.Atoi(h.Get("Content-Length"))
	if err != nil {
		return nil, fmt.Errorf("bad Content-Length %q", h.Get("Content-Length"))
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(c.r, b); err != nil {
		return nil, err
	}
	m := new(lspMessage)
	return m, json.Unmarshal(b, m)
}

// lspDiagnostics starts `gopls serve` in dir with the given settings (as
// initializationOptions and as the answer to workspace/configuration),
// opens file, and returns the first diagnostics published for it that
// include a message containing marker: a marker from an analyzer that
// always runs tells that analysis diagnostics have arrived.
func lspDiagnostics(gopls, dir, file string, settings map[string]any, marker string) ([]lspDiagnostic, error) {
	cmd := exec.Command(gopls, "serve")
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	defer func() {
		in.Close()
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}()
	c := &lspConn{w: in, r: bufio.NewReader(out)}

	type result struct {
		diags []lspDiagnostic
		err   error
	}
	res := make(chan result, 1)
	abs := filepath.Join(dir, file)
	uri := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	rootURI := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String()
	text, err := os.ReadFile(abs)
	if err != nil {
		return nil, err
	}
	go func() {
		diags, err := c.session(rootURI, uri, string(text), settings, marker)
		res <- result{diags, err}
	}()
	select {
	case r := <-res:
		return r.diags, r.err
	case <-time.After(3 * time.Minute):
		cmd.Process.Kill()
		return nil, fmt.Errorf("no diagnostics with %q for %s within 3 minutes", marker, file)
	}
}

func (c *lspConn) session(rootURI, uri, text string, settings map[string]any, marker string) ([]lspDiagnostic, error) {
	initID, err := c.request("initialize", map[string]any{
		"processId": os.Getpid(),
		"rootUri":   rootURI,
		"workspaceFolders": []any{
			map[string]any{"uri": rootURI, "name": "fixture"},
		},
		"capabilities": map[string]any{
			"workspace": map[string]any{"configuration": true, "workspaceFolders": true},
			"textDocument": map[string]any{
				"publishDiagnostics": map[string]any{},
			},
		},
		"initializationOptions": settings,
	})
	if err != nil {
		return nil, err
	}
	for {
		m, err := c.read()
		if err != nil {
			return nil, err
		}
		switch {
		case m.Method != "" && m.ID != nil: // a request from gopls
			var reply any // null
			if m.Method == "workspace/configuration" {
				var p struct{ Items []any }
				if err := json.Unmarshal(m.Params, &p); err != nil {
					return nil, err
				}
				items := make([]any, len(p.Items))
				for i := range items {
					items[i] = settings
				}
				reply = items
			}
			if err := c.write(map[string]any{"id": m.ID, "result": reply}); err != nil {
				return nil, err
			}
		case m.Method == "textDocument/publishDiagnostics":
			var p struct {
				URI         string
				Diagnostics []lspDiagnostic
			}
			if err := json.Unmarshal(m.Params, &p); err != nil {
				return nil, err
			}
			if p.URI != uri {
				continue
			}
			for _, d := range p.Diagnostics {
				if strings.Contains(d.Message, marker) {
					return p.Diagnostics, nil
				}
			}
		case m.Method == "window/showMessage":
			var p struct {
				Type    int
				Message string
			}
			if json.Unmarshal(m.Params, &p) == nil && p.Type == 1 { // error
				return nil, fmt.Errorf("gopls: %s", p.Message)
			}
		case m.Method == "" && string(m.ID) == strconv.Itoa(initID):
			if m.Error != nil {
				return nil, fmt.Errorf("initialize: %s", m.Error)
			}
			if err := c.notify("initialized", map[string]any{}); err != nil {
				return nil, err
			}
			if err := c.notify("textDocument/didOpen", map[string]any{
				"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": text},
			}); err != nil {
				return nil, err
			}
		}
	}
}
