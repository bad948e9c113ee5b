package usemarshal

import (
	"context"
	"net/http"
	"strings"

	"marshal"
)

type Filter struct{ Name string }

func calls(ctx context.Context, a *marshal.API, u string, f Filter) {
	a.Call(ctx, http.MethodGet, "/projects", map[string]string{}) // want `GET request built by Call carries a body, from its payload argument encoded with json.Marshal \(map\[string\]string\{\}, which json.Marshal encodes as \{\}\): servers and proxies`
	a.Call(ctx, http.MethodGet, "/projects", nil)                 // want `GET request built by Call carries a body, from its payload argument encoded with json.Marshal \(nil, which json.Marshal encodes as null\)`
	a.Call(ctx, http.MethodHead, "/projects", f)                  // want `HEAD request built by Call carries a body`
	a.Exec(ctx, http.MethodGet, "/projects", nil)                 // want `GET request built by Exec carries a body, from its filter argument encoded with json.Marshal through Call`
	a.Send(ctx, http.MethodGet, "/x", f)                          // want `GET request built by Send carries a body, from its payload argument encoded with json.Marshal`
	var typedNil *Filter
	a.Send(ctx, http.MethodGet, "/x", typedNil) // want `GET request built by Send carries a body`
	marshal.Encode(http.MethodGet, u, f)        // want `GET request built by Encode carries a body, from its v argument encoded with json.Encoder.Encode`
}

func structFields(ctx context.Context, a *marshal.API, u string, f Filter) {
	a.DoWithRetry(ctx, marshal.Request{Method: http.MethodGet, URL: u, Body: f}) // want `GET request built by DoWithRetry carries a body, from field Body of its r argument encoded with json.Marshal`
	req := marshal.Request{Method: http.MethodGet, URL: u, Body: &f}
	a.DoWithRetry(ctx, req)                                                        // want `GET request built by DoWithRetry carries a body`
	marshal.Do(&marshal.Req{Method: http.MethodGet, Body: strings.NewReader("x")}) // want `GET request built by Do carries a body, from field Body of its r argument`
	marshal.Do(&marshal.Req{http.MethodHead, strings.NewReader("x")})              // want `HEAD request built by Do carries a body`
}

// Negative cases.

func silent(ctx context.Context, a *marshal.API, u string, f Filter) {
	a.Call(ctx, http.MethodPost, "/projects", f)
	a.Send(ctx, http.MethodGet, "/x", nil)
	a.Get(ctx, "/x", f)  // reported in Get
	a.List(ctx, "/x", f) // reported in List
	var none any
	a.Send(ctx, http.MethodGet, "/x", none)
	marshal.Encode(http.MethodGet, u, nil)
	a.DoWithRetry(ctx, marshal.Request{Method: http.MethodGet, URL: u})
	a.DoWithRetry(ctx, marshal.Request{Method: http.MethodPost, URL: u, Body: f})
	marshal.Do(&marshal.Req{Method: http.MethodGet})
	marshal.Do(&marshal.Req{Method: http.MethodGet, Body: nil})
	r := marshal.Request{Method: http.MethodGet, URL: u, Body: f}
	r.Method = http.MethodPost
	a.DoWithRetry(ctx, r)
	a.OnlyForPost(ctx, http.MethodGet, "/x", f)
	a.Switched(ctx, http.MethodGet, "/x", f)
	a.NilAndPost(ctx, http.MethodGet, "/x", f)
	a.InQuery(ctx, http.MethodGet, "/x", f)
	marshal.EncodedThenReset(http.MethodGet, u, f)
}

func githubShape(u string, f Filter) {
	marshal.NewRequest(http.MethodGet, u, nil)
	marshal.NewRequest(http.MethodGet, u, &f) // want `GET request built by NewRequest carries a body, from its body argument encoded with json.Encoder.Encode`
	marshal.EarlyReturn(http.MethodGet, u, nil)
	marshal.EarlyReturn(http.MethodGet, u, f) // want `GET request built by EarlyReturn carries a body, from its payload argument encoded with json.Marshal`
}
