package usewrap

import (
	"context"
	"strings"

	"wrap"
)

func use(ctx context.Context, c *wrap.Client, q string) {
	wrap.Do(ctx, "GET", "http://x", strings.NewReader(q)) // want `GET request built by Do carries a body`
	wrap.Get("http://x", strings.NewReader(q))            // want `GET request built by Get carries a body`
	c.Send("HEAD", strings.NewReader(q))                  // want `HEAD request built by Send carries a body`
	wrap.Search(strings.NewReader(q))                     // want `GET request built by Search carries a body`

	wrap.Do(ctx, "GET", "http://x", nil)
	wrap.Do(ctx, "POST", "http://x", strings.NewReader(q))
	wrap.Get("http://x", nil)
	wrap.Rewritten("GET", nil)
	wrap.PostOnly(strings.NewReader(q))

	wrap.Debugged(false, "GET", strings.NewReader(q)) // want `GET request built by Debugged carries a body`
	wrap.Debugged(false, "GET", nil)
	wrap.ReadOther("GET", strings.NewReader(q), nil)
}
