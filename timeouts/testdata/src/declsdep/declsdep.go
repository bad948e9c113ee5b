package declsdep

import "net/http"

// Servers is a named slice of servers: a literal of it names no type of
// net/http.
type Servers []http.Server

// Pair holds a server behind a named type of this package.
type Pair struct{ S *http.Server }
