package single

import "strings"

func drop(...any) any { return nil }

func f(s string) {
	_ = drop(strings.ToUpper(s)) // want "drop"
}
