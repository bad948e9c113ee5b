package wantbad // want package:"marked other"

func bad() {}

func good() {}

func markMe() {} // want markMe:"wrong fact" other:"no such object"

func f() {
	bad() // want "call to good"
	bad()
	bad() // want "call to bad" "call to bad"
	good() // want "nothing here"
	good() // want "unterminated
	good() // want 42
	good() // want x "y"
}
