// Package getbody defines an Analyzer that reports HTTP requests whose
// method has no body (GET, HEAD, TRACE) but which carry one.
//
// # Analyzer getbody
//
// getbody: report GET, HEAD and TRACE requests that carry a body
//
// RFC 9110 gives content in a GET or HEAD request no defined semantics
// and forbids it in TRACE: servers, proxies and caches may reject such a
// request or silently drop the body, so the data never arrives. The
// analyzer reports:
//
//   - http.NewRequest and http.NewRequestWithContext whose method is a
//     constant that folds to "GET", "HEAD" or "TRACE" (a literal,
//     http.MethodGet, a local or package constant, any constant
//     expression) and whose body is not provably empty;
//   - &http.Request{Method: "GET", Body: b} literals with a body that is
//     not provably empty;
//   - assigning a Body or GetBody that is not empty to a request that the
//     same function built with one of those methods;
//   - calls of a request-building wrapper, such as
//     func do(method string, body io.Reader), with a constant GET and a
//     body that is not empty: the wrapper carries a fact that says which
//     parameters flow into the method and body of http.NewRequest, in
//     this package or any other;
//   - calls with a constant GET of a wrapper that encodes its payload
//     parameter into the body — json.Marshal, json.MarshalIndent,
//     xml.Marshal, json.NewEncoder(&buf).Encode or the xml encoder, then
//     bytes.NewReader, strings.NewReader, bytes.NewBuffer of the result
//     or the buffer itself — whatever the payload, since an encoded nil
//     is "null"; a wrapper that encodes only under if p != nil, in the
//     else of if p == nil, or after if p == nil { …; return … }, makes a
//     nil payload silent, a typed nil pointer in an interface parameter
//     excepted. An encoder may write into a buffer variable or into an
//     io.Writer variable that holds one (var buf io.ReadWriter). A
//     function whose method is itself a constant GET and that encodes
//     its own parameter is reported inside, where the fix goes, not at
//     its callers, even when a nil payload would send no body: the
//     parameter says one is expected;
//   - a method and a body passed as fields of a struct parameter
//     (DoWithRetry(ctx, request{Method: http.MethodGet, Body: v})): the
//     fact says which fields of which parameter the wrapper reads into
//     the request, and the call site's struct literal, or a local
//     variable such a literal initializes and that is not otherwise
//     used, is read.
//
// The message names the wrapper called and where its body comes from (the
// argument, its field, the encoder, the inner wrapper that builds the
// request).
//
// A body is empty when it is nil, http.NoBody, a variable that is nil on
// every path reaching the call, or one of the zero-length readers that
// NewRequest itself turns into http.NoBody (strings.NewReader(""),
// bytes.NewReader(nil), bytes.NewBufferString(""), new(bytes.Buffer),
// &bytes.Buffer{}…). A local variable that holds a body on some path
// reaching the call is reported.
//
// NewRequest decides emptiness at the call, so a local bytes.Buffer or
// strings.Builder created empty (var buf bytes.Buffer, new(bytes.Buffer),
// &bytes.Buffer{}, bytes.NewBuffer(nil)) is a body when something may
// have written to it on a path from its creation to the call: a method
// other than the read-only ones (Len, String, Bytes, Reset, reads…), or
// passing it or its address to any function (json.NewEncoder(&buf),
// fmt.Fprintf(&buf, …), io.Copy(&buf, r)), other than as the body of
// NewRequest itself. The same holds for bytes.NewReader(buf.Bytes()) and
// strings.NewReader(sb.String()). A buffer that nothing touches before
// the call stays empty and is not reported; deferred calls do not count.
//
// Not reported, on purpose: a method that is not a constant (a
// parameter, a field of something other than a struct literal given to a
// wrapper); POST, PUT, PATCH, DELETE and other methods
// (DELETE content is allowed); httptest.NewRequest (server-side test
// requests); a body read from a parameter (the function is then a wrapper,
// and its callers are checked instead), a struct field or a package
// variable, which is often nil for GET; a local variable whose address
// is taken or that a closure assigns; requests whose Method is assigned
// again in the function; wrappers that encode the payload only under
// another condition than its nilness (if method != http.MethodGet, a
// switch on the method); struct arguments built field by field; &http.Request
// literals without a Method (they are
// as often server-side requests built for tests); anything in _test.go
// files unless the -tests flag is set, since tests of a client's or a
// server's GET-body handling build such requests on purpose.
//
// The message says what the body is. Two alternative fixes are offered:
// switch the method to http.MethodPost (a read becomes a write), or drop
// the body (http.NoBody) — the data is then no longer sent, so the URL
// must carry it. Both change what the program does: they are for the
// author to choose (the diagnostic's Category is "choose-fix"), editors
// offer both, and -fix applies neither. The second is not offered when it
// would leave a local variable unused, nor for a wrapper that encodes its
// payload (it would encode http.NoBody). Where the payload of a JSON
// wrapper that sends no body for a nil payload carries nothing — it
// encodes as {}: http.NoBody, an empty map or struct literal, a struct
// without exported fields — the first fix passes nil instead, which keeps
// the GET and what it sends, and -fix applies it.
//
// APIs that accept a GET body on purpose (Elasticsearch's search) can
// say so with a directive on the reported line or the line above:
//
//	//httpvet:ignore getbody the search API reads a GET body
package getbody
