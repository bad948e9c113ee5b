package main

import (
	"net/http"
	"time"
)

// demoClient is the one correctly configured client of the demo.
var demoClient = &http.Client{Timeout: 10 * time.Second}
