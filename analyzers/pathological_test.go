package analyzers_test

// Pathological inputs: the whole suite must finish in bounded time and
// memory on code no one writes by hand but generators and long-lived
// projects produce. Each benchmark generates its source at two or more
// sizes, so that ns/op shows how the cost grows (linearly, or not):
//
//	GOMAXPROCS=1 go test ./analyzers -run '^$' -bench Pathological -benchmem -benchtime 1x
//
// Only the analysis is timed: the source is parsed and type-checked once,
// outside the loop.

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

const header = `package p

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
)

var _ = bytes.NewReader
var _ = fmt.Errorf
var _ = strings.NewReader
var _ = io.Discard
var _ context.Context
`

// longFunction is one function of about stmts statements: requests built,
// sent, checked, closed, drained, leaked, retried, in turn.
func longFunction(stmts int) string {
	var sb strings.Builder
	sb.WriteString(header)
	sb.WriteString("\nfunc long(ctx context.Context, c *http.Client, url string) (n int, err error) {\n")
	for i, count := 0, 0; count < stmts; i++ {
		switch i % 4 {
		case 0: // 10 statements: a well-behaved request
			fmt.Fprintf(&sb, `	req%[1]d, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return n, err
	}
	resp%[1]d, err := c.Do(req%[1]d)
	if err != nil {
		return n, err
	}
	defer resp%[1]d.Body.Close()
	if _, err := io.Copy(io.Discard, resp%[1]d.Body); err != nil {
		return n, err
	}
	n += resp%[1]d.StatusCode
`, i)
			count += 10
		case 1: // 9 statements: no context, a leak on a status path, closed unread
			fmt.Fprintf(&sb, `	req%[1]d, err := http.NewRequest(http.MethodPost, url, strings.NewReader("x"))
	if err != nil {
		return n, err
	}
	resp%[1]d, err := c.Do(req%[1]d)
	if err != nil {
		return n, err
	}
	if resp%[1]d.StatusCode != http.StatusOK {
		return n, fmt.Errorf("status %%d", resp%[1]d.StatusCode)
	}
	resp%[1]d.Body.Close()
`, i)
			count += 9
		case 2: // 9 statements: a retry loop re-sending a request with a body
			fmt.Fprintf(&sb, `	for try := 0; try < 3; try++ {
		resp, err := c.Do(req%[1]d)
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			break
		}
	}
`, i-1)
			count += 9
		case 3: // 8 statements: a GET with a body, the default client
			fmt.Fprintf(&sb, `	get%[1]d, err := http.NewRequestWithContext(ctx, http.MethodGet, url, bytes.NewReader(nil))
	if err != nil {
		return n, err
	}
	_ = get%[1]d
	r%[1]d, err := http.Get(url)
	if err != nil {
		return n, err
	}
	defer r%[1]d.Body.Close()
`, i)
			count += 8
		}
	}
	sb.WriteString("\treturn n, nil\n}\n")
	return sb.String()
}

// largePackage is a package of about lines lines in files of 2,000: types,
// helpers that return responses, wrappers that call the previous unit's
// helper (a chain of facts across the package), RoundTrippers, servers
// and clients.
func largePackage(lines int) []source {
	var files []source
	var sb strings.Builder
	unit := 0
	for n := 0; n < lines; {
		if sb.Len() == 0 {
			sb.WriteString(header)
			n += strings.Count(header, "\n")
		}
		u := fmt.Sprintf(`
// unit %[1]d

type transport%[1]d struct{ next http.RoundTripper }

func (t *transport%[1]d) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL == nil {
		return &http.Response{StatusCode: http.StatusBadRequest}, nil
	}
	return t.next.RoundTrip(req)
}

func fetch%[1]d(ctx context.Context, c *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	return c.Do(req)
}

func closeBody%[1]d(resp *http.Response) {
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func use%[1]d(ctx context.Context, url string) error {
	c := &http.Client{Transport: &transport%[1]d{next: http.DefaultTransport}}
	resp, err := fetch%[1]d(ctx, c, url)
	if err != nil {
		return err
	}
	defer closeBody%[2]d(resp)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %%d", resp.StatusCode)
	}
	return nil
}

func leak%[1]d(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func server%[1]d(h http.Handler) *http.Server {
	return &http.Server{Addr: ":8080", Handler: h}
}
`, unit, max(unit-1, 0))
		sb.WriteString(u)
		n += strings.Count(u, "\n")
		unit++
		if strings.Count(sb.String(), "\n") >= 2000 || n >= lines {
			files = append(files, source{fmt.Sprintf("f%d.go", len(files)), []byte(sb.String())})
			sb.Reset()
		}
	}
	return files
}

// nestedClosures is a function of depth function literals, each inside
// the one before, each sending a request and closing the body of the one
// around it.
func nestedClosures(depth int) string {
	var sb strings.Builder
	sb.WriteString(header)
	sb.WriteString("\nfunc nested(ctx context.Context, c *http.Client, url string) {\n")
	sb.WriteString("\tresp0, err := c.Get(url)\n\tif err != nil {\n\t\treturn\n\t}\n")
	for i := 1; i <= depth; i++ {
		fmt.Fprintf(&sb, `	func() {
	defer resp%[2]d.Body.Close()
	resp%[1]d, err := c.Get(url)
	if err != nil {
		return
	}
	if resp%[1]d.StatusCode != http.StatusOK {
		return
	}
`, i, i-1)
	}
	fmt.Fprintf(&sb, "\tresp%d.Body.Close()\n", depth)
	for i := 1; i <= depth; i++ {
		sb.WriteString("\t}()\n")
	}
	sb.WriteString("}\n")
	return sb.String()
}

// nestedLoops is a loop nest depth deep, each level sending a request,
// continuing or breaking on failure, closing the body after the loop
// inside it.
func nestedLoops(depth int) string {
	var sb strings.Builder
	sb.WriteString(header)
	sb.WriteString("\nfunc loops(ctx context.Context, c *http.Client, url string, n int) {\n")
	for i := 0; i < depth; i++ {
		fmt.Fprintf(&sb, `	for i%[1]d := 0; i%[1]d < n; i%[1]d++ {
	resp%[1]d, err := c.Get(url)
	if err != nil {
		continue
	}
	if resp%[1]d.StatusCode != http.StatusOK {
		resp%[1]d.Body.Close()
		break
	}
`, i)
	}
	for i := depth - 1; i >= 0; i-- {
		fmt.Fprintf(&sb, "\tresp%d.Body.Close()\n\t}\n", i)
	}
	sb.WriteString("}\n")
	return sb.String()
}

// benchSuite type-checks srcs (they must type-check) and benchmarks the
// whole suite over them.
func benchSuite(b *testing.B, srcs []source) {
	w := loadWorld(b)
	c, err := w.check("example.com/p", srcs)
	if err != nil {
		b.Fatal(err)
	}
	if len(c.typeErrors) > 0 {
		b.Fatalf("generated source does not type-check: %v", c.typeErrors[0])
	}
	b.ReportAllocs()
	runtime.GC() // the garbage of loading and checking is not the analysis'
	var findings int
	for b.Loop() {
		fs, problems := w.analyze(c)
		if len(problems) > 0 {
			b.Fatal(problems[0])
		}
		findings = len(fs)
	}
	b.ReportMetric(float64(findings), "findings")
}

func BenchmarkPathologicalLongFunction(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("stmts=%d", n), func(b *testing.B) {
			benchSuite(b, []source{{"long.go", []byte(longFunction(n))}})
		})
	}
}

func BenchmarkPathologicalLargePackage(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			benchSuite(b, largePackage(n))
		})
	}
}

func BenchmarkPathologicalNestedClosures(b *testing.B) {
	for _, n := range []int{50, 200} {
		b.Run(fmt.Sprintf("depth=%d", n), func(b *testing.B) {
			benchSuite(b, []source{{"closures.go", []byte(nestedClosures(n))}})
		})
	}
}

func BenchmarkPathologicalNestedLoops(b *testing.B) {
	for _, n := range []int{10, 50} {
		b.Run(fmt.Sprintf("depth=%d", n), func(b *testing.B) {
			benchSuite(b, []source{{"loops.go", []byte(nestedLoops(n))}})
		})
	}
}
