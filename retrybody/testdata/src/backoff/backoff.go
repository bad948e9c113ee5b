// Package backoff reaches no net: no driver computes its facts, so what
// Retry does with op cannot be known.
package backoff

func Retry(op func() error) error {
	for {
		if err := op(); err == nil {
			return nil
		}
	}
}
