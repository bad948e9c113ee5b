package noimports

func useIO() any { return nil }

func f() {
	_ = useIO() // want "use io"
}
