package main

import "testing"

func TestTestsOff(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"-json", "-test=false"}, true},
		{[]string{"--test=0", "-getbody"}, true},
		{[]string{"-test=false", "-test"}, false},
		{[]string{"-test=false", "-test=bad"}, true},
		{[]string{"-testx=false"}, false},
	} {
		if got := testsOff(tc.args); got != tc.want {
			t.Errorf("testsOff(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestGoWorkDir(t *testing.T) {
	for in, want := range map[string]string{
		"/tmp/go-build123/b001/vet.cfg": "/tmp/go-build123",
		"/tmp/go-build123/b1x/vet.cfg":  "",
		"/tmp/cache/b001/vet.cfg":       "",
		"vet.cfg":                       "",
		"":                              "",
	} {
		if got := goWorkDir(in); got != want {
			t.Errorf("goWorkDir(%q) = %q, want %q", in, got, want)
		}
	}
}
