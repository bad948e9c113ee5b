package buffers

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Positive cases: buffers created empty and written before the call.

func encoded(ctx context.Context, u string, filter any) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(filter); err != nil {
		return err
	}
	_, err := http.NewRequestWithContext(ctx, http.MethodGet, u, &buf) // want `GET request built by http.NewRequestWithContext carries a body`
	return err
}

func newBuffer(u string, v any) {
	buf := new(bytes.Buffer)
	json.NewEncoder(buf).Encode(v)
	http.NewRequest(http.MethodGet, u, buf) // want `GET request built by http.NewRequest carries a body`
}

func literalBuffer(u string, v any) {
	buf := &bytes.Buffer{}
	xml.NewEncoder(buf).Encode(v)
	http.NewRequest(http.MethodGet, u, buf) // want `GET request built by http.NewRequest carries a body`
}

func newBufferNil(u string) {
	buf := bytes.NewBuffer(nil)
	buf.WriteString(`{"query":{}}`)
	http.NewRequest(http.MethodGet, u, buf) // want `GET request built by http.NewRequest carries a body`
}

func fprintf(u, q string) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "q=%s", q)
	http.NewRequest(http.MethodGet, u, &buf) // want `GET request built by http.NewRequest carries a body`
}

func copied(u string, r io.Reader) {
	var buf bytes.Buffer
	io.Copy(&buf, r)
	http.NewRequest(http.MethodHead, u, &buf) // want `HEAD request built by http.NewRequest carries a body`
}

func anyFunction(u string, v any) {
	buf := new(bytes.Buffer)
	fill(buf, v)
	http.NewRequest(http.MethodGet, u, buf) // want `GET request built by http.NewRequest carries a body`
}

func fill(w io.Writer, v any) { fmt.Fprint(w, v) }

func writtenOnSomePath(u string, v any, send bool) {
	var buf bytes.Buffer
	if send {
		json.NewEncoder(&buf).Encode(v)
	}
	http.NewRequest(http.MethodGet, u, &buf) // want `GET request built by http.NewRequest carries a body`
}

func builderReader(u string, parts []string) {
	var sb strings.Builder
	for _, p := range parts {
		sb.WriteString(p)
	}
	http.NewRequest(http.MethodGet, u, strings.NewReader(sb.String())) // want `GET request built by http.NewRequest carries a body`
}

func bufferBytes(u string, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.Encode(v)
	http.NewRequest(http.MethodGet, u, bytes.NewReader(buf.Bytes())) // want `GET request built by http.NewRequest carries a body`
}

func writtenInClosure(u string) {
	buf := new(bytes.Buffer)
	write := func() { buf.WriteString("x") }
	write()
	http.NewRequest(http.MethodGet, u, buf) // want `GET request built by http.NewRequest carries a body`
}

func writtenLastIteration(u string, parts []string) {
	var buf bytes.Buffer
	for _, p := range parts {
		http.NewRequest(http.MethodGet, u, &buf) // want `GET request built by http.NewRequest carries a body`
		buf.WriteString(p)
	}
}

// Negative cases: buffers that nothing writes before the call.

func untouched(ctx context.Context, u string) {
	var buf bytes.Buffer
	http.NewRequestWithContext(ctx, http.MethodGet, u, &buf)
	nb := new(bytes.Buffer)
	http.NewRequest(http.MethodGet, u, nb)
	lb := &bytes.Buffer{}
	http.NewRequest(http.MethodGet, u, lb)
	eb := bytes.NewBuffer(nil)
	http.NewRequest(http.MethodGet, u, eb)
	var sb strings.Builder
	http.NewRequest(http.MethodGet, u, strings.NewReader(sb.String()))
	http.NewRequest(http.MethodGet, u, bytes.NewReader(buf.Bytes()))
}

func readOnly(u string) {
	buf := new(bytes.Buffer)
	if buf.Len() == 0 && buf != nil {
		buf.Reset()
	}
	http.NewRequest(http.MethodGet, u, buf)
}

func writtenAfter(u string, v any) {
	var buf bytes.Buffer
	req, _ := http.NewRequest(http.MethodGet, u, &buf)
	json.NewEncoder(&buf).Encode(v)
	_ = req
}

func deferredPut(u string) {
	buf := new(bytes.Buffer)
	defer release(buf)
	http.NewRequest(http.MethodGet, u, buf)
}

func release(*bytes.Buffer) {}

func writtenForPost(u string, v any) {
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(v)
	http.NewRequest(http.MethodPost, u, &buf)
}

func reassignedEmpty(u string, v any) {
	buf := new(bytes.Buffer)
	json.NewEncoder(buf).Encode(v)
	buf = new(bytes.Buffer)
	http.NewRequest(http.MethodGet, u, buf)
}

func closureReassigns(u string) {
	buf := new(bytes.Buffer)
	reset := func() { buf = bytes.NewBufferString("x") }
	_ = reset
	http.NewRequest(http.MethodGet, u, buf) // a closure assigns buf: cannot tell
}
