package main_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// strictSrc has one finding of each class: a body read to EOF but not
// closed (contract, strict mode only) and a body never closed (cost).
const strictSrc = `package strictmod

import (
	"io"
	"net/http"
)

func ReadAll(c *http.Client, req *http.Request) ([]byte, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(resp.Body)
}

func Status(c *http.Client, req *http.Request) (int, error) {
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
`

// -strict standalone (text, JSON, SARIF) and under go vet: the contract
// finding appears only with it, and says its class; the cost finding is
// the same in both modes. The subtests run one after another: with the
// same tool flags, go vet's runs find standalone's in the cache.
func TestStrict(t *testing.T) {
	t.Parallel()
	bin := httpvet(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module strictmod\n\ngo 1.25\n")
	writeFile(t, filepath.Join(dir, "a.go"), strictSrc)
	const contract = "a.go:9:15: response body of c.Do is not closed on every path (at the return on line 13); the body was read to EOF there"
	const cost = "a.go:17:15: response body of c.Do is not closed on every path, so the connection leaks at the return on line 21; add defer resp.Body.Close() after the error check\n"

	for _, tc := range []struct {
		name string
		args []string
	}{
		{"standalone", []string{bin}},
		{"go vet", []string{"go", "vet", "-vettool=" + bin}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _ := run(t, dir, tc.args[0], append(tc.args[1:], "./...")...)
			if strings.Contains(out, "read to EOF") || strings.Contains(out, "[contract]") || !strings.Contains(out, cost) {
				t.Errorf("default mode: want the cost finding alone, unmarked:\n%s", out)
			}
			out, _ = run(t, dir, tc.args[0], append(tc.args[1:], "-strict", "./...")...)
			if !strings.Contains(out, contract) || !strings.Contains(out, "[contract]\n") || !strings.Contains(out, cost) {
				t.Errorf("-strict: want the contract finding marked [contract] and the cost finding unmarked:\n%s", out)
			}
			out, _ = run(t, dir, tc.args[0], append(tc.args[1:], "-strict", "-bodyclose.tests=false", "./...")...)
			if !strings.Contains(out, contract) {
				t.Errorf("-strict with an analyzer flag: want the contract finding:\n%s", out)
			}
		})
	}

	t.Run("json", func(t *testing.T) {
		out, code := run(t, dir, bin, "-strict", "-json", "./...")
		var tree map[string]map[string][]struct{ Category, Message, Class string }
		if err := json.Unmarshal([]byte(out), &tree); code != 0 || err != nil {
			t.Fatalf("exit %d, %v:\n%s", code, err, out)
		}
		classes := map[string]string{}
		for _, f := range tree["strictmod"]["bodyclose"] {
			classes[f.Class] = f.Category
		}
		if len(classes) != 2 || classes["contract"] != "contract" || classes["cost"] != "" || strings.Contains(out, "[contract]") {
			t.Errorf("want one finding of each class (category contract, and none), the messages without the text marker:\n%s", out)
		}
	})

	t.Run("sarif", func(t *testing.T) {
		out, code := run(t, dir, bin, "-strict", "-bodyclose", "-sarif", "./...")
		var log struct {
			Runs []struct {
				Results []struct{ Level string }
			}
		}
		if err := json.Unmarshal([]byte(out), &log); code != 0 || err != nil || len(log.Runs) != 1 {
			t.Fatalf("exit %d, %v:\n%s", code, err, out)
		}
		levels := map[string]int{}
		for _, r := range log.Runs[0].Results {
			levels[r.Level]++
		}
		if levels["note"] != 1 || levels["warning"] != 1 {
			t.Errorf("levels %v, want one note (contract) and one warning (cost)", levels)
		}
	})

	t.Run("flags", func(t *testing.T) {
		out, code := run(t, dir, bin, "-flags")
		if code != 0 || !strings.Contains(out, `"Name": "strict"`) {
			t.Errorf("-flags does not list strict for go vet:\n%s", out)
		}
	})
}
