package timeouts_test

import (
	"bytes"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// h2Main calls each client constructor of testdata/src/transportfix and
// prints the protocol of a request through it.
const h2Main = `package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	for _, c := range []struct {
		name string
		f    func() *http.Client
	}{
		{"exprClient", exprClient}, {"varClient", varClient}, {"tlsClient", tlsClient},
		{"assigned", assigned}, {"exprTLS", exprTLS}, {"forced", forced},
	} {
		resp, err := c.f().Get(os.Args[1])
		if err != nil {
			fmt.Println(c.name, "error:", err)
			continue
		}
		resp.Body.Close()
		fmt.Println(c.name, resp.Proto)
	}
}
`

// TestTransportFixKeepsProtocol builds the Transport fix test program as
// written and as fixed (its golden file), sends a request through each
// Transport to a TLS server with HTTP/2 enabled, and checks that the fix
// changes no Transport's protocol: the clients that spoke HTTP/2 still do.
func TestTransportFixKeepsProtocol(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()

	dir := t.TempDir()
	certFile := filepath.Join(dir, "cert.pem")
	pemCert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(certFile, pemCert, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(name, src string) string {
		t.Helper()
		d := filepath.Join(dir, name)
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		code, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		code = bytes.Replace(code, []byte("package transportfix"), []byte("package main"), 1)
		for file, content := range map[string][]byte{
			"go.mod":  []byte("module h2check\n\ngo 1.24\n"),
			"main.go": []byte(h2Main),
			"h2.go":   code,
		} {
			if err := os.WriteFile(filepath.Join(d, file), content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cmd := exec.Command(gobin, "run", ".", srv.URL)
		cmd.Dir = d
		// Trust the test server's certificate; no proxy.
		cmd.Env = append(os.Environ(), "SSL_CERT_FILE="+certFile, "SSL_CERT_DIR="+dir,
			"GOWORK=off", "GOFLAGS=-mod=mod", "HTTPS_PROXY=", "https_proxy=", "GOTOOLCHAIN=local")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		return string(out)
	}
	before := run("before", filepath.Join("testdata", "src", "transportfix", "h2.go"))
	after := run("after", filepath.Join("testdata", "src", "transportfix", "h2.go.golden"))
	t.Logf("before the fix:\n%safter the fix:\n%s", before, after)
	if before != after {
		t.Errorf("the fix changed the protocols:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	for _, want := range []string{"exprClient HTTP/2.0", "varClient HTTP/2.0", "forced HTTP/2.0", "tlsClient HTTP/1.1", "exprTLS HTTP/1.1"} {
		if !strings.Contains(after, want+"\n") {
			t.Errorf("after the fix, want %q in:\n%s", want, after)
		}
	}
}
