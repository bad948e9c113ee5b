package a

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

const search = "GET"

type methodName string

const typedGet methodName = "GET"

// Positive cases.

func literalMethod(u string) {
	http.NewRequest("GET", u, strings.NewReader("q=1")) // want `GET request built by http.NewRequest carries a body \(strings.NewReader\("q=1"\)\): servers and proxies may reject the request or drop the body; put the data in the URL query, or use POST`
}

func methodConstants(ctx context.Context, u string, data []byte) {
	http.NewRequest(http.MethodGet, u, bytes.NewReader(data))                  // want `GET request built by http.NewRequest carries a body`
	http.NewRequestWithContext(ctx, http.MethodHead, u, bytes.NewBuffer(data)) // want `HEAD request built by http.NewRequestWithContext carries a body`
	http.NewRequest(search, u, bytes.NewBufferString("x"))                     // want `GET request built by`
	http.NewRequest("GE"+"T", u, strings.NewReader("x"))                       // want `GET request built by`
	http.NewRequest(string(typedGet), u, strings.NewReader("x"))               // want `GET request built by`
	http.NewRequest(http.MethodTrace, u, strings.NewReader("x"))               // want `TRACE request built by`
	const local = http.MethodGet
	http.NewRequest(local, u, strings.NewReader("x")) // want `GET request built by`
}

func encodedJSON(u string, v any) (*http.Request, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return http.NewRequest(http.MethodGet, u, bytes.NewReader(b)) // want `GET request built by`
}

func variableOnSomePath(u string, data []byte) {
	var body io.Reader
	if len(data) > 0 {
		body = bytes.NewReader(data)
	}
	http.NewRequest(http.MethodGet, u, body) // want `GET request built by`
}

func variableFromCall(u string) {
	body := makeBody()
	http.NewRequest(http.MethodGet, u, body) // want `GET request built by`
}

func variableInLoop(u string, parts []string) {
	var body io.Reader
	for _, p := range parts {
		http.NewRequest(http.MethodGet, u, body) // want `GET request built by`
		body = strings.NewReader(p)
	}
}

func makeBody() io.Reader { return strings.NewReader("x") }

func requestLiteral(u string) *http.Request {
	return &http.Request{Method: http.MethodGet, Body: io.NopCloser(strings.NewReader("x"))} // want `GET request literal carries a body`
}

func assignBody(u string) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return
	}
	req.Body = io.NopCloser(strings.NewReader("x")) // want `setting Body on a GET request`
	req.GetBody = func() (io.ReadCloser, error) {   // want `setting GetBody on a GET request`
		return io.NopCloser(strings.NewReader("x")), nil
	}
	http.DefaultClient.Do(req)
}

// Negative cases: the nearest correct code.

func emptyBodies(ctx context.Context, u string) {
	http.NewRequest("GET", u, nil)
	http.NewRequest(http.MethodGet, u, http.NoBody)
	http.NewRequest(http.MethodGet, u, strings.NewReader(""))
	http.NewRequest(http.MethodGet, u, bytes.NewReader(nil))
	http.NewRequest(http.MethodGet, u, bytes.NewReader([]byte{}))
	http.NewRequest(http.MethodGet, u, bytes.NewReader([]byte("")))
	http.NewRequest(http.MethodGet, u, bytes.NewBufferString(""))
	http.NewRequest(http.MethodGet, u, bytes.NewBuffer(nil))
	http.NewRequest(http.MethodGet, u, new(bytes.Buffer))
	http.NewRequest(http.MethodGet, u, &bytes.Buffer{})
	http.NewRequest(http.MethodGet, u, &strings.Reader{})
	http.NewRequest(http.MethodGet, u, io.Reader(nil))
	http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
	var body io.Reader
	http.NewRequest(http.MethodGet, u, body)
	var nilBody io.Reader = nil
	http.NewRequest(http.MethodGet, u, nilBody)
}

func otherMethods(u string) {
	http.NewRequest(http.MethodPost, u, strings.NewReader("x"))
	http.NewRequest("PUT", u, strings.NewReader("x"))
	http.NewRequest(http.MethodPatch, u, strings.NewReader("x"))
	http.NewRequest(http.MethodDelete, u, strings.NewReader("x"))
	http.NewRequest("get", u, strings.NewReader("x")) // not GET: methods are case-sensitive
}

func methodParameter(method, u string) {
	http.NewRequest(method, u, strings.NewReader("x"))
}

func bodyParameterWithPost(u string, body io.Reader) {
	http.NewRequest(http.MethodPost, u, body)
}

func bodyOnlyForPost(u string, post bool) {
	method := http.MethodGet // a variable: not a constant
	var body io.Reader
	if post {
		method = http.MethodPost
		body = strings.NewReader("x")
	}
	http.NewRequest(method, u, body)
}

func nilOnEveryPath(u string, cond bool) {
	var body io.Reader
	if cond {
		body = nil
	} else {
		body = http.NoBody
	}
	http.NewRequest(http.MethodGet, u, body)
}

func assignedAfter(u string) {
	var body io.Reader
	http.NewRequest(http.MethodGet, u, body)
	body = strings.NewReader("x")
	_ = body
}

func methodChangedLater(u string) {
	req, _ := http.NewRequest(http.MethodGet, u, strings.NewReader("x"))
	req.Method = http.MethodPost
	http.DefaultClient.Do(req)
}

func addressTaken(u string) {
	var body io.Reader
	fill(&body)
	http.NewRequest(http.MethodGet, u, body)
}

func fill(r *io.Reader) {}

func closureAssigns(u string) {
	var body io.Reader
	set := func() { body = strings.NewReader("x") }
	_ = set
	http.NewRequest(http.MethodGet, u, body)
}

type client struct{ body io.Reader }

func fieldBody(c *client, u string) { // want fieldBody:`request\(method="GET", body=#0.body\)`
	http.NewRequest(http.MethodGet, u, c.body) // a field: often nil for GET
}

func literalWithoutMethod() *http.Request {
	return &http.Request{Body: io.NopCloser(strings.NewReader("x"))}
}

func literalPost() *http.Request {
	return &http.Request{Method: http.MethodPost, Body: io.NopCloser(strings.NewReader("x"))}
}

func assignBodyOnPost(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Body = io.NopCloser(strings.NewReader("x"))
}

func assignNoBody(u string) {
	req, _ := http.NewRequest(http.MethodGet, u, nil)
	req.Body = http.NoBody
	req.GetBody = nil
}

func assignBodyMethodUnknown(u string, method string) {
	req, _ := http.NewRequest(method, u, nil)
	req.Body = io.NopCloser(strings.NewReader("x"))
}

func ignored(u string) {
	//httpvet:ignore getbody the search API reads a GET body
	http.NewRequest(http.MethodGet, u, strings.NewReader(`{"query":{}}`))
	http.NewRequest(http.MethodGet, u, strings.NewReader(`{}`)) //httpvet:ignore getbody,bodyclose Elasticsearch search
	http.NewRequest(http.MethodGet, u, strings.NewReader(`{}`)) //httpvet:ignore all Elasticsearch search
}

// wrapBody is a function value: its calls have no static callee (a crash
// seen on go.opentelemetry.io/contrib's otelhttp).
var wrapBody = func(r io.Reader) io.ReadCloser { return io.NopCloser(r) }

func funcValueBody() {
	req, _ := http.NewRequest("GET", "http://x", nil)
	req.Body = wrapBody(strings.NewReader("x")) // want `setting Body on a GET request`
	_ = req
}
