package vetrun

import "testing"

// A contract finding is the same finding whether go vet's JSON (marker in
// the message) or the standalone command's (class in a field) reports it.
func TestParseJSONPlainMessages(t *testing.T) {
	viaVet := []byte(`{"p": {"reqctx": [{"posn": "/m/a.go:3:2", "message": "no context [contract]"}]}}`)
	standalone := []byte(`{"p": {"reqctx": [{"posn": "/m/a.go:3:2", "message": "no context", "class": "contract"}]}}`)
	a, errsA := ParseJSON(viaVet, "/m")
	b, errsB := ParseJSON(standalone, "/m")
	if errsA+errsB != 0 || TSV(a) != TSV(b) || TSV(a) != "reqctx\ta.go:3:2\tno context\n" {
		t.Errorf("go vet: %q (%d errors), standalone: %q (%d errors)", TSV(a), errsA, TSV(b), errsB)
	}
}
