package wantok // want package:"marked wantok"

import "strings"

func bad() {}

func good() {}

func markMe() {} // want markMe:"marked markMe"

func f(s string) string {
	bad()               // want "call to bad"
	bad() /* want `call to b.d` */
	// want +1 "call to bad" "call to bad"
	bad(); bad()
	_ = "// want is not a comment in a string"
	return strings.ToUpper(s) // want "^upper"
}
