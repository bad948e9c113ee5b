// Package intests has a leak in a test file only.
package intests
