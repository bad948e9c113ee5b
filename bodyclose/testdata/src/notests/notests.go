// Package notests has a leak in a test file only.
package notests
