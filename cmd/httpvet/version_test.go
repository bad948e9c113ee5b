package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"go install …@v1.2.3", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "v1.2.3"}}, "v1.2.3"},
		{"a clone", debug.BuildInfo{Main: debug.Module{Path: modulePath, Version: "(devel)"}}, "(devel)"},
		{"no version", debug.BuildInfo{Main: debug.Module{Path: modulePath}}, "(devel)"},
		{"go tool, replaced by a clone", debug.BuildInfo{
			Main: debug.Module{Path: modulePath, Version: "v0.0.0", Replace: &debug.Module{Path: "/src/httpvet"}},
		}, "(devel)"},
		{"replaced by a release", debug.BuildInfo{
			Main: debug.Module{Path: modulePath, Version: "v1.0.0", Replace: &debug.Module{Path: "example.com/fork", Version: "v1.0.1"}},
		}, "v1.0.1"},
		{"a dependency", debug.BuildInfo{
			Main: debug.Module{Path: "example.com/lint", Version: "(devel)"},
			Deps: []*debug.Module{{Path: "golang.org/x/tools", Version: "v0.47.0"}, {Path: modulePath, Version: "v1.2.3"}},
		}, "v1.2.3"},
	} {
		if got := versionOf(&tc.bi); got != tc.want {
			t.Errorf("%s: version %q, want %q", tc.name, got, tc.want)
		}
	}
}
