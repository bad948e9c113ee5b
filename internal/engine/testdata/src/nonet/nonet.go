// Package nonet does not reach net: go vet does not run httpvet on it,
// and no driver computes its no-return facts: its Exit is known by name.
package nonet

import "os"

func Exit() { os.Exit(1) }
