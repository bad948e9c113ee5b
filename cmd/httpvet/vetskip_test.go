package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// A facts-only run of a dependency is skipped only when nothing below it
// can reach net: it imports neither net nor net/http, and every facts file
// of its imports is empty.
func TestSkipFactsOnly(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o666); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.vetx", nil)
	facts := write("facts.vetx", []byte("gob"))
	tests := []struct {
		name string
		unit vetUnit
		skip bool
	}{
		{"no imports", vetUnit{ImportPath: "a"}, true},
		{"imports without facts", vetUnit{ImportPath: "a", ImportMap: map[string]string{"b": "b", "unsafe": "unsafe"}, PackageVetx: map[string]string{"b": empty}}, true},
		{"imports net", vetUnit{ImportPath: "a", ImportMap: map[string]string{"net": "net"}}, false},
		{"imports net/http", vetUnit{ImportPath: "a", ImportMap: map[string]string{"net/http": "net/http"}}, false},
		{"is net", vetUnit{ImportPath: "net"}, false},
		{"an import has facts", vetUnit{ImportPath: "a", ImportMap: map[string]string{"x/b": "vendor/x/b"}, PackageVetx: map[string]string{"vendor/x/b": facts}}, false},
		{"an import's facts file is missing", vetUnit{ImportPath: "a", ImportMap: map[string]string{"b": "b"}, PackageVetx: map[string]string{"b": filepath.Join(dir, "none")}}, false},
		{"analyzed for diagnostics", vetUnit{ImportPath: "a", VetxOnly: false}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := tt.unit
			if tt.name != "analyzed for diagnostics" {
				u.VetxOnly = true
			}
			u.VetxOutput = filepath.Join(dir, "out", tt.name+".vetx")
			os.MkdirAll(filepath.Dir(u.VetxOutput), 0o777)
			data, _ := json.Marshal(u)
			cfg := write(filepath.Base(tt.name)+".cfg", data)
			if got := skipFactsOnly(cfg); got != tt.skip {
				t.Fatalf("skipFactsOnly = %v, want %v", got, tt.skip)
			}
			st, err := os.Stat(u.VetxOutput)
			if tt.skip && (err != nil || st.Size() != 0) {
				t.Errorf("skipped, but the facts file is %v, %v; want an empty file", st, err)
			}
			if !tt.skip && err == nil {
				t.Errorf("not skipped, but a facts file was written")
			}
		})
	}
}
