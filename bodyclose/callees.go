package bodyclose

// Standard callees whose effect on a body is known without facts:
// readers that never close it (io.ReadAll, json.NewDecoder,
// bufio.NewReader…), which of them read it to EOF, and formatters that
// only print a response.

import (
	"go/ast"
	"go/constant"
	"go/types"

	"github.com/httpvet/httpvet/internal/match"
)

// Callee kinds with known behavior.
const (
	calleeUnknown = iota
	calleeReader  // reads its reader arguments, never closes them
	calleePrinter // formats its arguments
)

// knownCallee classifies standard functions that read from a body
// without closing it, or only format a response.
func (c *checker) knownCallee(fn *types.Func) int {
	if fn.Pkg() == nil {
		return calleeUnknown
	}
	path, name := fn.Pkg().Path(), fn.Name()
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		_, recv := match.Named(match.Deref(sig.Recv().Type()))
		switch {
		case path == "bytes" && recv == "Buffer" && name == "ReadFrom",
			path == "bufio" && recv == "Writer" && name == "ReadFrom",
			path == "os" && recv == "File" && name == "ReadFrom",
			path == "bufio" && recv == "Reader" && name == "Reset",
			path == "bufio" && recv == "Scanner" && name == "Buffer":
			return calleeReader
		case path == "testing" && (recv == "common" || recv == "TB" || recv == "T" || recv == "B"):
			switch name {
			case "Log", "Logf", "Error", "Errorf", "Fatal", "Fatalf", "Skip", "Skipf":
				return calleePrinter
			}
		case path == "log" && recv == "Logger":
			return calleePrinter
		}
		return calleeUnknown
	}
	switch path {
	case "io":
		switch name {
		case "ReadAll", "ReadFull", "ReadAtLeast", "Copy", "CopyN", "CopyBuffer", "LimitReader", "TeeReader", "MultiReader":
			return calleeReader
		}
	case "io/ioutil":
		if name == "ReadAll" {
			return calleeReader
		}
	case "bufio":
		switch name {
		case "NewReader", "NewReaderSize", "NewScanner", "NewReadWriter":
			return calleeReader
		}
	case "encoding/json", "encoding/xml", "encoding/gob":
		if name == "NewDecoder" {
			return calleeReader
		}
	case "encoding/csv", "archive/tar", "compress/gzip", "compress/zlib", "compress/flate", "compress/bzip2", "mime/multipart":
		if name == "NewReader" {
			return calleeReader
		}
	case "encoding/base64", "encoding/base32", "encoding/hex":
		if name == "NewDecoder" {
			return calleeReader
		}
	case "fmt":
		switch name {
		case "Print", "Printf", "Println", "Sprint", "Sprintf", "Sprintln", "Fprint", "Fprintf", "Fprintln", "Errorf":
			return calleePrinter
		case "Fscan", "Fscanf", "Fscanln":
			return calleeReader
		}
	case "log":
		return calleePrinter
	}
	return calleeUnknown
}

// boundedRead returns e when it is io.LimitReader(x, N) with a constant N
// of at least the drain limit (64 KiB by default): io.ReadAll of it is
// taken to reach EOF. Such a limit guards against a runaway response and
// the bodies it reads are shorter, as the bounded drain bodyclose itself
// suggests assumes; a short limit may well stop before EOF.
func boundedRead(info *types.Info, e ast.Expr) *ast.CallExpr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || !match.IsFunc(match.Callee(info, call), "io", "LimitReader") {
		return nil
	}
	tv, ok := info.Types[call.Args[1]]
	if !ok || tv.Value == nil {
		return nil
	}
	n, exact := constant.Int64Val(constant.ToInt(tv.Value))
	if !exact || n < max(config.drainLimit, 64<<10) {
		return nil
	}
	return call
}

// readsToEOF reports whether fn, a known reader, reads its argument i
// until EOF or a read error: io.ReadAll, io.Copy from it, a ReadFrom
// into memory. After either, the Transport has released the connection
// (to the pool on EOF, closed on an error: transport.go, bodyEOFSignal's
// fn), so a missing Close holds nothing. Bounded reads (io.LimitReader,
// io.CopyN) and decoders may stop short.
func readsToEOF(fn *types.Func, i int) bool {
	path, name := fn.Pkg().Path(), fn.Name()
	sig, _ := fn.Type().(*types.Signature)
	if sig != nil && sig.Recv() != nil {
		return name == "ReadFrom" && (path == "bytes" || path == "bufio" || path == "os")
	}
	switch {
	case (path == "io" || path == "io/ioutil") && name == "ReadAll":
		return i == 0
	case path == "io" && (name == "Copy" || name == "CopyBuffer"):
		return i == 1
	}
	return false
}
