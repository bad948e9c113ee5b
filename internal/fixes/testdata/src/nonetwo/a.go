package nonetwo

func useNetTime() bool { return false }

func f() bool {
	return useNetTime() // want "use net and time"
}
