// Package getbody defines an Analyzer that reports HTTP requests whose
// method has no body (GET, HEAD, TRACE) but which carry one.
//
// # Analyzer getbody
//
// getbody: report GET, HEAD and TRACE requests that carry a body
//
// RFC 9110 gives content in a GET or HEAD request no defined semantics and
// forbids it in TRACE. Servers, proxies and caches may reject such a request
// or drop the body, so the data never arrives — and nothing fails on the
// client's side.
//
// # Reported
//
//   - `http.NewRequest` / `http.NewRequestWithContext` whose method is a
//     constant that folds to `GET`, `HEAD` or `TRACE` (a literal,
//     `http.MethodGet`, a local or package constant, a constant expression)
//     and whose body is not provably empty;
//   - `&http.Request{Method: http.MethodGet, Body: …}` with a body;
//   - `req.Body = …` or `req.GetBody = …` on a request the same function built
//     with such a method;
//   - calls of wrappers such as `func do(method string, body io.Reader)` with
//     a constant `GET` and a body: a fact records which parameters become the
//     request's method and body, across packages. A parameter the wrapper
//     reads and puts back (`b, _ := io.ReadAll(body); body =
//     bytes.NewReader(b)`, to print it when debugging) is still its body; any
//     other value given to it makes the function no wrapper;
//   - calls with a constant `GET` of wrappers that encode their payload into
//     the body (`json.Marshal`, `json.MarshalIndent`, `xml.Marshal`,
//     `json.NewEncoder(&buf).Encode`, the xml encoder; then `bytes.NewReader`,
//     `strings.NewReader`, `bytes.NewBuffer` of the result, or the buffer),
//     whatever the payload: `json.Marshal(nil)` is `null`, not empty. A
//     wrapper that encodes only under `if payload != nil { … }`, in the `else`
//     of `if payload == nil`, or after `if payload == nil { …; return … }`
//     makes a nil payload silent — but not a typed nil pointer passed as an
//     `any`, which is not nil. A function whose own method is a constant `GET`
//     and that encodes its own parameter is reported inside, where the fix
//     goes, even when a nil payload would send no body: the parameter says one
//     is expected (`s.client.NewRequest(http.MethodGet, u, opts)`);
//   - method and body passed as fields of a struct argument (`DoWithRetry(ctx,
//     httpRequest{Method: http.MethodGet, URL: u, Body: v})`): the fact
//     records which fields of which parameter the wrapper reads into
//     `NewRequest`; the call's struct literal (or a local variable such a
//     literal initializes and that is used nowhere else) is read.
//
// A wrapper that encodes its payload, called with GET:
//
//	func (a *API) call(ctx context.Context, method, path string, payload any) (*http.Response, error) {
//		data, err := json.Marshal(payload)
//		…
//		req, err := http.NewRequestWithContext(ctx, method, a.base+path, bytes.NewReader(data))
//		…
//	}
//
//	a.call(ctx, http.MethodGet, "/projects", nil)
//	// GET request built by call carries a body, from its payload argument encoded with json.Marshal: …
//
// The message names the wrapper called and where the body comes from: its
// argument or the field of it, the encoder, and the inner wrapper that builds
// the request (`… through Call`).
//
// A body is empty when it is `nil`, `http.NoBody`, a variable that is nil on
// every path reaching the call, or a zero-length reader that `NewRequest`
// itself turns into `http.NoBody` (`strings.NewReader("")`,
// `bytes.NewReader(nil)`, `bytes.NewBufferString("")`, `new(bytes.Buffer)`…).
// A variable holding a body on some path to the call is reported.
//
// `NewRequest` decides emptiness at the call: a local `bytes.Buffer` or
// `strings.Builder` created empty (`var buf bytes.Buffer`,
// `new(bytes.Buffer)`, `&bytes.Buffer{}`, `bytes.NewBuffer(nil)`) is a body
// when something may have written to it between its creation and the call, on
// some path: a method other than the read-only ones (`Len`, `String`, `Bytes`,
// `Reset`, reads…), or passing it or its address to any function other than
// `NewRequest` itself — `json.NewEncoder(&buf).Encode(v)`, `fmt.Fprintf(&buf,
// …)`, `io.Copy(&buf, r)`. So are `bytes.NewReader(buf.Bytes())` and
// `strings.NewReader(sb.String())` of such a buffer. A buffer nothing touches
// before the call stays empty and silent; deferred calls (`defer
// pool.Put(buf)`) do not count. An encoder may write into a buffer variable or
// into an `io.Writer` variable that holds one (`var buf io.ReadWriter`).
//
//	var buf bytes.Buffer
//	if err := json.NewEncoder(&buf).Encode(filter); err != nil { … }
//	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, &buf) // reported: the body is sent
//
// Instead:
//
//	// Bad: the query may never reach the server.
//	req, err := http.NewRequest(http.MethodGet, base+"/_search", strings.NewReader(query))
//
//	// Good: the data in the URL …
//	req, err := http.NewRequest(http.MethodGet, base+"/search?"+url.Values{"q": {term}}.Encode(), nil)
//	// … or a method that has a body.
//	req, err := http.NewRequest(http.MethodPost, base+"/_search", strings.NewReader(query))
//
// # Fix
//
// The message says what the body is. Two alternatives: "Use http.MethodPost"
// (a read becomes a write), or "Send no body (http.NoBody)" — the data is then
// no longer sent, so the URL must carry it. For a `req.Body = …` assignment the
// second alternative removes the assignment. Both change what the program
// does: they are for the author to choose (the diagnostic's Category is
// `choose-fix`), editors offer both, and `-fix` applies neither. The
// drop-the-body fix is not offered when it would leave a local variable
// unused, nor for a wrapper that encodes its payload (it would encode
// `http.NoBody`); imports it leaves unused are removed. Where the payload of a
// JSON wrapper that sends no body for a nil payload carries nothing — it
// encodes as `{}`: `http.NoBody`, an empty map or struct literal, a struct
// without exported fields — the first fix passes `nil` instead, which keeps
// the GET and what it sends, and `-fix` applies it.
//
// # Not reported, on purpose
//
// A method that is not a constant (a parameter: the function is a wrapper, and
// its callers are checked); wrappers that encode the payload only under
// another condition (`if method != http.MethodGet`, a `switch` on the method);
// struct arguments built field by field; POST, PUT, PATCH, DELETE (DELETE
// content is allowed); `httptest.NewRequest` (server-side test requests); a
// body taken from a parameter, a struct field or a package variable, which is
// often nil for GET; a local whose address is taken or that a closure assigns;
// a request whose `Method` is assigned again; `http.Request` literals without
// a `Method` (as often server-side requests built for tests). APIs that take a
// GET body on purpose (Elasticsearch) use a directive on the reported line or
// the line above:
//
//	//httpvet:ignore getbody the search API reads a GET body
//
// # Strict
//
// `-strict` adds nothing to getbody: every request with a body its method
// does not define costs something, and `-getbody.tests` stays off (tests of
// a client's GET-body handling build such requests on purpose). With
// `-getbody.tests` set, the findings in [test code] are of class contract.
//
// # Flags
//
//	-getbody.tests=false  also report in test code
//
// Off by default: what counts as [test code] builds GET bodies on purpose, in
// tests of a client's or a server's handling of such requests.
//
// # Tests
//
// Each rule, and the packages under getbody/testdata/src that hold its
// positive and negative cases:
//
//   - Reported and Not reported, on purpose: a, ignore, buffers; wrap and
//     usewrap (request-building wrappers across packages); marshal and
//     usemarshal (wrappers that encode a payload)
//   - Fix: fix, fixwrap, fixnobody (golden files; fixnobody and fix also
//     check which fix -fix applies)
//   - Strict and Flags (-getbody.tests): skiptests (test code left out by
//     default), teston (checked under -getbody.tests=true)
//   - Code with type errors is not reported on, and does not crash: broken
//
// [test code]: https://github.com/httpvet/httpvet/blob/main/README.md#test-code
package getbody
