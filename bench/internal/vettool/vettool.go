// Package vettool wraps a vet tool so that go vet runs it afresh: the
// benchmark commands time or replay go vet runs, which go vet's cache of
// results would otherwise answer.
package vettool

import (
	"fmt"
	"os"
	"sync/atomic"
	"time"
)

var runs atomic.Int64

// Fresh writes an executable script in dir (the default directory for
// temporary files if empty) and returns its path. It answers go vet's
// -V=full query with a build ID no other run has used, naming the tool
// name, so that go vet's cache never answers for it while the compile
// cache stays warm; for everything else it runs command, shell words to
// which go vet's arguments are appended.
func Fresh(dir, name, command string) (string, error) {
	f, err := os.CreateTemp(dir, "vettool-*")
	if err != nil {
		return "", err
	}
	id := fmt.Sprintf("%d-%d", time.Now().UnixNano(), runs.Add(1))
	_, err = fmt.Fprintf(f, "#!/bin/sh\nif [ \"$1\" = \"-V=full\" ]; then echo \"%s version devel buildID=%s\"; exit 0; fi\nexec %s \"$@\"\n",
		name, id, command)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o755)
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
