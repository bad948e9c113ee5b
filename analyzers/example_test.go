package analyzers_test

import (
	"fmt"

	"github.com/httpvet/httpvet/bodyclose"
	"github.com/httpvet/httpvet/timeouts"
)

// Set an analyzer's flags from code, before the analysis runs, with the
// same names and values as -timeouts.client-timeout=10s on the command
// line.
func Example_flags() {
	if err := timeouts.Analyzer.Flags.Set("client-timeout", "10s"); err != nil {
		fmt.Println(err)
	}
	if err := bodyclose.Analyzer.Flags.Set("drain", "false"); err != nil {
		fmt.Println(err)
	}
	fmt.Println(timeouts.Analyzer.Flags.Lookup("client-timeout").Value, bodyclose.Analyzer.Flags.Lookup("drain").Value)

	// Restore the defaults (the analyzers are shared by the process).
	_ = timeouts.Analyzer.Flags.Set("client-timeout", timeouts.Analyzer.Flags.Lookup("client-timeout").DefValue)
	_ = bodyclose.Analyzer.Flags.Set("drain", "true")
	// Output: 10s false
}
