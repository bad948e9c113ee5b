package strict

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestBool(t *testing.T) {
	defer Set(false)
	b := NewBool(false)
	if b.On() || b.String() != "false" {
		t.Errorf("default: On %v, String %q", b.On(), b.String())
	}
	Set(true)
	if !b.On() || b.String() != "false" {
		t.Errorf("strict mode: On %v, String %q; want on, and the default mode's String", b.On(), b.String())
	}
	if err := b.Set("false"); err != nil || b.On() || !b.Explicit() {
		t.Errorf("set false under strict mode: On %v, Explicit %v, err %v; the explicit value wins", b.On(), b.Explicit(), err)
	}
	b.Reset()
	if !b.On() || b.Explicit() {
		t.Errorf("after Reset: On %v, Explicit %v; want following the mode", b.On(), b.Explicit())
	}
	Set(false)
	if on := NewBool(true); !on.On() {
		t.Errorf("a flag on by default is on whatever the mode")
	}
}

func TestClass(t *testing.T) {
	for _, tc := range []struct {
		category, class, other string
	}{
		{"", "cost", ""},
		{"choose-fix", "cost", "choose-fix"},
		{"contract", "contract", ""},
		{"contract/choose-fix", "contract", "choose-fix"},
		{"contractual", "cost", "contractual"},
	} {
		if got := Class(tc.category); got != tc.class {
			t.Errorf("Class(%q) = %q, want %q", tc.category, got, tc.class)
		}
		if got := Other(tc.category); got != tc.other {
			t.Errorf("Other(%q) = %q, want %q", tc.category, got, tc.other)
		}
	}
	d := Mark(analysis.Diagnostic{Category: "choose-fix", Message: "m"})
	if d.Category != "contract/choose-fix" || d.URL != Anchor || Mark(d).Category != d.Category {
		t.Errorf("Mark: %+v", d)
	}
	if got := Text(Text("m", d.Category), d.Category); got != "m"+Marker {
		t.Errorf("Text twice = %q, want one marker", got)
	}
	if got := Plain("m"+Marker, d.Category); got != "m" {
		t.Errorf("Plain = %q", got)
	}
	if got := Text("m", ""); got != "m" {
		t.Errorf("Text of a cost finding = %q, want it unchanged", got)
	}
}
