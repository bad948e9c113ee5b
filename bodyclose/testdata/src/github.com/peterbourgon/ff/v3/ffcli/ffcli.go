// Package ffcli stands in for github.com/peterbourgon/ff/v3/ffcli.
package ffcli

import "context"

type Command struct {
	Name string
	Exec func(ctx context.Context, args []string) error
}
