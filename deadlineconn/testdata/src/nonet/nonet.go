// Package nonet does not reach package net: go vet does not run httpvet
// on it, and no driver computes its facts (none is wanted here), so a
// deadline it sets through its own interface is not seen (documented).
package nonet

import "time"

type Deadliner interface{ SetDeadline(time.Time) error }

func Arm(d Deadliner) { d.SetDeadline(time.Now().Add(time.Second)) }
